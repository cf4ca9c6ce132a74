// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ScoreRequest } from '../../../src/shared/messages.ts';
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
let tracker: Tracker;
let answer: unknown;

/** A tracker whose every read is recorded in `reads` and answered with `answer`. */
function trackerOn(root: Element, draftId: string): Tracker {
  return new Tracker({
    root,
    draftId,
    adapter,
    where: () => ({ hostname: 'mastodon.social', pathname: '/home' }),
    score: (request: ScoreRequest) => {
      reads.push({ at: Date.now(), text: request.text });
      return Promise.resolve(structuredClone(answer));
    },
    onChange: () => {},
    pollMs: 60_000,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  area = document.createElement('textarea');
  document.body.append(area);
  reads = [];
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

test('a fast typist is read 100 ms after the burst ends, not between keys', async () => {
  await vi.advanceTimersByTimeAsync(500);
  reads = [];
  const last = await typeAt('quick words typed fast', 30);
  expect(reads).toEqual([]);
  await vi.advanceTimersByTimeAsync(500);
  expect(reads).toEqual([{ at: last + 100, text: 'quick words typed fast' }]);
});

test('a slow typist is read 100 ms after every key', async () => {
  await vi.advanceTimersByTimeAsync(500);
  reads = [];
  const keys: number[] = [];
  for (const char of 'slow') keys.push(await typeAt(char, 400));
  await vi.advanceTimersByTimeAsync(1000);
  expect(reads).toEqual([
    { at: keys[0]! + 100, text: 's' },
    { at: keys[1]! + 100, text: 'sl' },
    { at: keys[2]! + 100, text: 'slo' },
    { at: keys[3]! + 100, text: 'slow' },
  ]);
});

test('an answer equal to the last one keeps the same result; a different one replaces it', async () => {
  await typeAt('first', 30);
  await vi.advanceTimersByTimeAsync(500);
  const first = tracker.result;
  expect(first).toEqual({ score: 90, band: 'strong', nudges: [] });
  await typeAt(' more', 30);
  await vi.advanceTimersByTimeAsync(500);
  expect(reads.at(-1)?.text).toBe('first more');
  expect(tracker.result).toBe(first);
  answer = { ok: true, result: { score: 55, band: 'fair', nudges: [] } };
  await typeAt('!', 30);
  await vi.advanceTimersByTimeAsync(500);
  expect(tracker.result).toEqual({ score: 55, band: 'fair', nudges: [] });
  answer = { ok: false, error: 'bad pack' };
  await typeAt('?', 30);
  await vi.advanceTimersByTimeAsync(500);
  expect(tracker.result).toBeNull();
  expect(tracker.status).toBe('error');
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
    // A burst: each key goes down, then the editor changes its DOM.
    let last = 0;
    for (const word of ['Hello', ' there', ' friend']) {
      await vi.advanceTimersByTimeAsync(40);
      rich.noteKey();
      div.append(document.createTextNode(word));
      last = Date.now();
    }
    await vi.advanceTimersByTimeAsync(99);
    expect(reads).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(reads).toEqual([{ at: last + 100, text: 'Hello there friend' }]);
    // A change with no key at all (a paste from the menu, dictation) after the read.
    div.append(document.createTextNode('!'));
    await vi.advanceTimersByTimeAsync(500);
    expect(reads.at(-1)?.text).toBe('Hello there friend!');
    expect(reads).toHaveLength(2);
  } finally {
    rich.dispose();
    div.remove();
  }
});
