// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ScoreRequest } from '../../../src/shared/messages.ts';
import type { AnswerFlags } from '../../../src/shared/port.ts';
import type { SiteAdapter } from '../../../src/content/sites/index.ts';
import { Tracker } from '../../../src/content/track.ts';

const adapter: SiteAdapter = {
  id: 'test',
  platform: 'mastodon',
  matches: () => true,
  classify: () => ({ platform: 'mastodon', kind: 'post' }),
  submitControls: () => [],
  enterPosts: () => false,
  modEnterPosts: true,
};

let area: HTMLTextAreaElement;
let reads: Array<{ at: number; text: string }>;
let flags: AnswerFlags[];
let tracker: Tracker;
let answer: unknown;
/** When set, a quiet request is left unanswered, as the worker does when its answer is unchanged. */
let silentWhenQuiet: boolean;

/** A tracker whose every read is recorded in `reads` and answered with `answer`. */
function trackerOn(root: Element, draftId: string, pollMs = 60_000): Tracker {
  return new Tracker({
    root,
    draftId,
    adapter,
    where: () => ({ hostname: 'mastodon.social', pathname: '/home' }),
    score: (request: ScoreRequest, flag: AnswerFlags) => {
      reads.push({ at: Date.now(), text: request.text });
      flags.push(flag);
      if (flag.quiet && silentWhenQuiet) return new Promise(() => {});
      return Promise.resolve(structuredClone(answer));
    },
    onChange: () => {},
    pollMs,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  area = document.createElement('textarea');
  document.body.append(area);
  reads = [];
  flags = [];
  silentWhenQuiet = false;
  answer = { ok: true, result: { score: 90, band: 'strong', nudges: [] } };
  tracker = trackerOn(area, 'd-1');
  tracker.focus();
});

afterEach(() => {
  tracker.dispose();
  area.remove();
  vi.useRealTimers();
});

/** Types `text` one key every `gapMs`; returns the time of the last key. */
async function typeAt(text: string, gapMs: number): Promise<number> {
  let last = 0;
  for (const char of text) {
    await vi.advanceTimersByTimeAsync(gapMs);
    area.value += char;
    area.dispatchEvent(new Event('input'));
    last = Date.now();
  }
  return last;
}

test('after a pause the first key is read at once; the rest of a fast burst 100 ms after it ends', async () => {
  await vi.advanceTimersByTimeAsync(500);
  reads = [];
  const first = Date.now() + 30;
  const last = await typeAt('quick words typed fast', 30);
  expect(reads).toEqual([{ at: first, text: 'q' }]);
  await vi.advanceTimersByTimeAsync(500);
  expect(reads).toEqual([
    { at: first, text: 'q' },
    { at: last + 100, text: 'quick words typed fast' },
  ]);
});

test('a slow typist is read at every key, at once', async () => {
  await vi.advanceTimersByTimeAsync(500);
  reads = [];
  const keys: number[] = [];
  for (const char of 'slow') keys.push(await typeAt(char, 400));
  await vi.advanceTimersByTimeAsync(1000);
  expect(reads).toEqual([
    { at: keys[0]!, text: 's' },
    { at: keys[1]!, text: 'sl' },
    { at: keys[2]!, text: 'slo' },
    { at: keys[3]!, text: 'slow' },
  ]);
});

test('with an answer on show, requests are quiet: a silent worker leaves it, a new answer replaces it', async () => {
  silentWhenQuiet = true;
  await typeAt('first', 30);
  await vi.advanceTimersByTimeAsync(500);
  // Nothing was on show yet, so the worker had to answer.
  expect(flags[0]).toEqual({ key: 'd-1', quiet: false, brief: true });
  expect(tracker.status).toBe('scored');
  const first = tracker.result;
  expect(first).toEqual({ score: 90, band: 'strong', nudges: [] });
  await typeAt(' more', 30);
  await vi.advanceTimersByTimeAsync(500);
  expect(reads.at(-1)?.text).toBe('first more');
  expect(flags.at(-1)).toEqual({ key: 'd-1', quiet: true, brief: true });
  // Still the answer on show, and not flipped back to "scoring" while waiting.
  expect(tracker.result).toBe(first);
  expect(tracker.status).toBe('scored');
  silentWhenQuiet = false;
  answer = { ok: true, result: { score: 55, band: 'fair', nudges: [] } };
  await typeAt('!', 30);
  await vi.advanceTimersByTimeAsync(500);
  expect(tracker.result).toEqual({ score: 55, band: 'fair', nudges: [] });
  answer = { ok: false, error: 'bad pack' };
  await typeAt('?', 30);
  await vi.advanceTimersByTimeAsync(500);
  expect(tracker.result).toBeNull();
  expect(tracker.status).toBe('error');
  // After an error nothing is on show, so the next request is not quiet.
  await typeAt('.', 30);
  await vi.advanceTimersByTimeAsync(500);
  expect(flags.at(-1)?.quiet).toBe(false);
});

test('an open card asks again for the same text, with reasons and suggestions', async () => {
  await typeAt('hello', 30);
  await vi.advanceTimersByTimeAsync(500);
  const before = reads.length;
  tracker.detail = true;
  tracker.refresh();
  await vi.advanceTimersByTimeAsync(500);
  expect(reads.slice(before)).toEqual([{ at: expect.any(Number), text: 'hello' }]);
  expect(flags.at(-1)).toMatchObject({ brief: false });
  // Asking again without a change asks nothing.
  tracker.refresh();
  await vi.advanceTimersByTimeAsync(500);
  expect(reads).toHaveLength(before + 1);
});

test('an answer that arrives after the draft was emptied is dropped', async () => {
  let release: (reply: unknown) => void = () => {};
  const late = new Tracker({
    root: area,
    draftId: 'd-3',
    adapter,
    where: () => ({ hostname: 'mastodon.social', pathname: '/home' }),
    score: () => new Promise((resolve) => (release = resolve)),
    onChange: () => {},
    pollMs: 60_000,
  });
  try {
    late.focus();
    await typeAt('draft', 400);
    expect(late.status).toBe('scoring');
    area.value = '';
    area.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(500);
    expect(late.status).toBe('empty');
    release(answer);
    await vi.advanceTimersByTimeAsync(10);
    expect(late.status).toBe('empty');
    expect(late.result).toBeNull();
  } finally {
    late.dispose();
  }
});

test('a change nothing announces is caught by the slow safety net once reads stop', async () => {
  const quietArea = document.body.appendChild(document.createElement('textarea'));
  const watched = trackerOn(quietArea, 'd-4', 1000);
  try {
    watched.focus();
    quietArea.value = 'typed';
    quietArea.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(200);
    reads = [];
    // A script clears the field: no event, no mutation.
    quietArea.value = 'set by script';
    // The last change announced was at 0 ms; the net looks a second after it.
    await vi.advanceTimersByTimeAsync(750);
    expect(reads).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(reads.map((r) => r.text)).toEqual(['set by script']);
  } finally {
    watched.dispose();
    quietArea.remove();
  }
});

test('one long unbroken burst is still read at least every 1.5 s', async () => {
  await vi.advanceTimersByTimeAsync(500);
  reads = [];
  await typeAt('x'.repeat(200), 20); // 4 s of typing
  expect(reads.length).toBeGreaterThanOrEqual(2);
  const gaps = reads.slice(1).map((r, i) => r.at - reads[i]!.at);
  // The limit is looked at when the quiet-spell timer fires, so a read may come up to one quiet
  // spell (100 ms) after it.
  expect(Math.max(...gaps)).toBeLessThanOrEqual(1600);
});

test('a rich editor: keys keep a pending read waiting, the read sees every change, and a change after it is read again', async () => {
  const div = document.createElement('div');
  div.contentEditable = 'true';
  document.body.append(div);
  const rich = trackerOn(div, 'd-2');
  try {
    rich.focus();
    await vi.advanceTimersByTimeAsync(500);
    reads = [];
    // A burst: each key goes down, then the editor changes its DOM. The first change after the
    // pause is read at once (in a microtask, as an observer sees it); the rest wait for the burst to end.
    let last = 0;
    for (const word of ['Hello', ' there', ' friend']) {
      await vi.advanceTimersByTimeAsync(40);
      rich.noteKey();
      div.append(document.createTextNode(word));
      last = Date.now();
    }
    await vi.advanceTimersByTimeAsync(99);
    expect(reads.map((r) => r.text)).toEqual(['Hello']);
    await vi.advanceTimersByTimeAsync(400);
    expect(reads.slice(1)).toEqual([{ at: last + 100, text: 'Hello there friend' }]);
    // A change with no key at all (a paste from the menu, dictation) after the read.
    div.append(document.createTextNode('!'));
    await vi.advanceTimersByTimeAsync(500);
    expect(reads.at(-1)?.text).toBe('Hello there friend!');
    expect(reads).toHaveLength(3);
  } finally {
    rich.dispose();
    div.remove();
  }
});

test('the page around the editor is classified on focus and after a pause, never in the middle of typing', async () => {
  let kind: 'post' | 'reply' = 'post';
  let classified = 0;
  const field = document.body.appendChild(document.createElement('textarea'));
  const watched = new Tracker({
    root: field,
    draftId: 'd-5',
    adapter: {
      ...adapter,
      classify: () => {
        classified++;
        return { platform: 'mastodon', kind };
      },
    },
    where: () => ({ hostname: 'mastodon.social', pathname: '/home' }),
    score: (request: ScoreRequest) => {
      reads.push({ at: Date.now(), text: request.text });
      return Promise.resolve(structuredClone(answer));
    },
    onChange: () => {},
    pollMs: 1000,
  });
  const typeInto = async (text: string, gapMs: number) => {
    for (const char of text) {
      await vi.advanceTimersByTimeAsync(gapMs);
      field.value += char;
      field.dispatchEvent(new Event('input'));
    }
  };
  try {
    watched.focus();
    await typeInto('a steady stream of typing', 150); // about 4 s, a read at every key
    expect(reads.length).toBeGreaterThan(20);
    expect(classified).toBe(1); // once, at focus
    // The page changes (a reply context appears) while the person keeps typing...
    kind = 'reply';
    await typeInto(' more', 150);
    expect(watched.request?.kind).toBe('post');
    // ...and is seen after they stop for a moment.
    await vi.advanceTimersByTimeAsync(1500);
    await typeInto('!', 150);
    expect(watched.request?.kind).toBe('reply');
  } finally {
    watched.dispose();
    field.remove();
  }
});
