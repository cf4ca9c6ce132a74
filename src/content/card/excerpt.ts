/**
 * The card quotes what triggered a nudge: a short excerpt of the draft around each evidence
 * range, the range itself in a <mark>. History nudges' evidence is a plain fact (no range), shown
 * as it is. Everything is built with text nodes: the draft is the page's text, never markup.
 */
import type { ShownEvidence } from '../../shared/shown.ts';

/** Characters of context on each side of a quoted range. */
export const CONTEXT = 40;
/** Longer ranges (an over-long draft's overflow) are cut, with an ellipsis, inside the mark. */
export const MAX_MARK = 80;
/** Quotes per nudge; the rest of the evidence is left out. */
export const MAX_QUOTES = 2;

export interface Segment {
  text: string;
  mark?: true;
}

export interface Quotes {
  /** Each quote: context and marked ranges, in order. */
  quotes: Segment[][];
  /** Plain facts, as the evidence states them. */
  facts: string[];
}

const SPACE = /\s/;
const ELLIPSIS = '…';

/**
 * Where each evidence range is in `draft`. The answer may be for a slightly older version of the
 * draft than the one at hand: a range that no longer holds its words is looked for by them, and
 * quoted without context when they are gone.
 */
function locate(draft: string, evidence: readonly ShownEvidence[]) {
  const ranges: Array<[number, number]> = [];
  const lone: string[] = [];
  const facts: string[] = [];
  for (const { text, start, end } of evidence) {
    if (typeof start !== 'number' || typeof end !== 'number') {
      if (text) facts.push(text);
      continue;
    }
    if (!text) continue;
    if (start >= 0 && end <= draft.length && draft.slice(start, end) === text) {
      ranges.push([start, end]);
      continue;
    }
    const at = draft.indexOf(text);
    if (at >= 0) ranges.push([at, at + text.length]);
    else lone.push(text);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  // Overlapping or touching ranges are one mark.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return { ranges: merged, lone, facts };
}

/** A cut that does not split a surrogate pair (an emoji) in two. */
function safeCut(draft: string, at: number, forward: boolean): number {
  const code = draft.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + (forward ? 1 : -1) : at;
}

/** The excerpts and facts for one nudge's evidence. */
export function quoteEvidence(draft: string, evidence: readonly ShownEvidence[]): Quotes {
  const { ranges, lone, facts } = locate(draft, evidence);
  const quotes: Segment[][] = [];
  let i = 0;
  while (i < ranges.length && quotes.length < MAX_QUOTES) {
    const first = ranges[i]!;
    // Ranges close enough to share their context go in one quote.
    const group = [first];
    while (i + 1 < ranges.length && ranges[i + 1]![0] - group[group.length - 1]![1] <= CONTEXT) {
      group.push(ranges[++i]!);
    }
    i++;
    let from = Math.max(0, first[0] - CONTEXT);
    // Start at a word: skip the part-word the cut left, when there is a space before the range.
    if (from > 0 && !SPACE.test(draft[from - 1]!)) {
      for (let at = from; at < first[0]; at++) {
        if (SPACE.test(draft[at]!)) {
          from = at + 1;
          break;
        }
      }
      from = safeCut(draft, from, true);
    }
    const quote: Segment[] = [];
    const lead = draft.slice(from, first[0]).trimStart();
    if (from > 0 || lead) quote.push({ text: (from > 0 ? ELLIPSIS : '') + lead });
    let to = first[0];
    let cut = false;
    for (const [start, end] of group) {
      if (start > to) quote.push({ text: draft.slice(to, start) });
      const stop = end - start > MAX_MARK ? safeCut(draft, start + MAX_MARK, false) : end;
      quote.push({ text: draft.slice(start, stop) + (stop < end ? ELLIPSIS : ''), mark: true });
      to = stop;
      if (stop < end) {
        cut = true;
        break;
      }
    }
    if (!cut) {
      let until = Math.min(draft.length, to + CONTEXT);
      if (until < draft.length) {
        // End at a word, when there is a space after the range.
        for (let at = until; at > to; at--) {
          if (SPACE.test(draft[at]!)) {
            until = at;
            break;
          }
        }
        until = safeCut(draft, until, false);
      }
      const tail = draft.slice(to, until).trimEnd();
      if (tail || until < draft.length) quote.push({ text: tail + (until < draft.length ? ELLIPSIS : '') });
    }
    quotes.push(quote.filter((s) => s.text !== ''));
  }
  for (const text of lone) {
    if (quotes.length >= MAX_QUOTES) break;
    quotes.push([{ text: text.length > MAX_MARK ? text.slice(0, MAX_MARK) + ELLIPSIS : text, mark: true }]);
  }
  return { quotes, facts };
}

/** The quotes as <q> elements (marks inside) and the facts as paragraphs, text nodes only. */
export function evidenceNodes(
  doc: Document,
  draft: string,
  evidence: readonly ShownEvidence[],
): HTMLElement[] {
  const { quotes, facts } = quoteEvidence(draft, evidence);
  const nodes: HTMLElement[] = [];
  for (const quote of quotes) {
    const q = doc.createElement('q');
    q.className = 'excerpt';
    for (const segment of quote) {
      if (segment.mark) {
        const mark = doc.createElement('mark');
        mark.textContent = segment.text;
        q.append(mark);
      } else {
        q.append(doc.createTextNode(segment.text));
      }
    }
    nodes.push(q);
  }
  for (const fact of facts) {
    const p = doc.createElement('p');
    p.className = 'fact';
    p.textContent = fact;
    nodes.push(p);
  }
  return nodes;
}
