import { expect, test } from 'vitest';
import { median } from '../../scripts/bench/stats.ts';
import { mulberry32 } from '../../bench/drafts.ts';
import { typingRhythm } from '../../scripts/bench/rhythm.ts';

const TEXT =
  ' Curious how others handled the finance side of this, and what you would do differently next time.';

test('the same seed types with the same rhythm; another seed with another', () => {
  expect(typingRhythm(TEXT)).toEqual(typingRhythm(TEXT));
  expect(typingRhythm(TEXT, { seed: 8 })).not.toEqual(typingRhythm(TEXT));
  const a = mulberry32(1);
  const values = Array.from({ length: 1000 }, a);
  expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...values)).toBeLessThan(1);
});

test('gaps centre on the median, and thinking pauses come only after a word or a sentence', () => {
  const plain = typingRhythm(TEXT, { pauseChance: 0 });
  expect(plain).toHaveLength([...TEXT].length);
  expect(median(plain)).toBeGreaterThan(140);
  expect(median(plain)).toBeLessThan(200);
  const withPauses = typingRhythm(TEXT);
  const chars = [...TEXT];
  const paused = withPauses.map((d, i) => d - plain[i]!).flatMap((extra, i) => (extra > 0 ? [i] : []));
  expect(paused.length).toBeGreaterThanOrEqual(2);
  for (const i of paused) expect(chars[i - 1]).toMatch(/[\s.,;:!?]/);
});
