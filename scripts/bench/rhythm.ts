/**
 * An ordinary typing rhythm for the bench: gaps between keys spread around a median of 170 ms
 * (about 70 words a minute), and after a word or a sentence, sometimes a longer pause to think.
 * Seeded, so every run types with the same rhythm.
 */

import { mulberry32 } from '../../bench/drafts.ts';

export interface RhythmOptions {
  medianMs?: number;
  /** Spread of the log-normal gap distribution. */
  sigma?: number;
  /** Chance of a thinking pause after a space or punctuation, and its range. */
  pauseChance?: number;
  pauseMs?: [min: number, max: number];
  seed?: number;
}

/** The pause before each character of `text`, ms. */
export function typingRhythm(text: string, options: RhythmOptions = {}): number[] {
  const { medianMs = 170, sigma = 0.3, pauseChance = 0.25, pauseMs = [300, 900], seed = 7 } = options;
  const random = mulberry32(seed);
  const normal = () => {
    // Box–Muller: two uniforms give one standard normal.
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const delays: number[] = [];
  let previous = '';
  for (const char of text) {
    let gap = medianMs * Math.exp(sigma * normal());
    // Both draws every time, so the base gaps do not depend on where pauses fall.
    const roll = random();
    const length = random();
    if (/[\s.,;:!?]/.test(previous) && roll < pauseChance) {
      gap += pauseMs[0] + length * (pauseMs[1] - pauseMs[0]);
    }
    delays.push(Math.round(gap));
    previous = char;
  }
  return delays;
}
