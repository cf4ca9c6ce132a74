/**
 * Output helpers. Drafts, evidence and pack wording are untrusted text: before it reaches a terminal,
 * control characters and bidi overrides are made visible so they cannot move the cursor, recolour the
 * screen or reorder what the reader sees. Ordinary RTL, CJK and emoji pass through unchanged.
 */

// C0 and C1 controls, DEL, line/paragraph separators and the bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** At most `max` code points, so an ellipsis never splits an emoji's surrogate pair. */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}

/**
 * JSON for machines, one document and a newline. JSON.stringify leaves C1 controls, U+2028/9 and bidi
 * marks raw; escaping them keeps the output equal in value and safe to cat to a terminal.
 */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${json}\n`;
}

export function formatRatio(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '—';
}
