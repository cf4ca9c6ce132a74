/**
 * Both halves of the draft-edit protocol on the content port (src/shared/port.ts): the content
 * script describes how a draft changed since the last text it sent, the worker applies that to
 * the text it kept. No imports, so the content script takes only these few lines.
 */
export type Edit = [start: number, end: number, middle: string];

/** `[kept at the start, kept at the end, what replaces the middle]`, from `before` to `after`. */
export function editFrom(before: string, after: string): Edit {
  const most = Math.min(before.length, after.length);
  // The common start by bisection, each step one native comparison of the next untested range
  // (so about `most` characters are compared in all): this runs on the page's thread at every
  // read, and edits are mostly near the end of a long draft.
  let start = 0;
  for (let high = most; start < high;) {
    const mid = (start + high + 1) >> 1;
    if (before.slice(start, mid) === after.slice(start, mid)) start = mid;
    else high = mid - 1;
  }
  let end = 0;
  while (
    end < most - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return [start, end, after.slice(start, after.length - end)];
}

/** The text an `edit` describes, from the text before it. */
export function applyEdit(before: string, [start, end, middle]: Edit): string {
  return before.slice(0, start) + middle + before.slice(before.length - end);
}
