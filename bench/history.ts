/**
 * A heavy person's ledger for the bench: 5,000 events over the 90 days retention keeps, seeded so
 * every run scores against the same history. Posts and replies are stitched from the bench's
 * paragraphs (varied words, so the near-duplicate index sees realistic trigrams, not one sentence
 * repeated); comments arrive on posts, most get an answer, some are closed with "no reply needed",
 * a few ask questions. Raw, as a `--history` file would hold them: no promotional flags.
 */
import type { HistoryEvent, Platform } from '../src/engine/index.ts';
import { PARAGRAPHS, mulberry32 } from './drafts.ts';

const PLATFORMS: readonly Platform[] = ['x', 'linkedin', 'mastodon', 'bluesky', 'reddit', 'facebook'];
const DAY = 86_400_000;

/** Sentences of the long drafts' paragraphs (not the short drafts the bench scores). */
function sentences(): string[] {
  return PARAGRAPHS.flatMap((p) => p.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20));
}

export function benchHistory(count: number, now: Date, seed = 5000): HistoryEvent[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pool = sentences();
  const vocabulary = [...new Set(pool.flatMap((s) => s.split(/\s+/)))];
  // A person repeats phrases, not whole posts: each sentence has about a third of its words swapped.
  const sentence = () =>
    pick(pool)
      .split(/\s+/)
      .map((w) => (random() < 0.35 ? pick(vocabulary) : w))
      .join(' ');
  const text = (n: number) => Array.from({ length: n }, sentence).join(' ');
  const start = now.getTime() - 90 * DAY;
  const events: HistoryEvent[] = [];
  const comments: { id: string; platform: Platform; t: number }[] = [];
  for (let i = 0; i < count; i++) {
    // Spread over 90 days, oldest first as a ledger export is.
    const t = start + Math.floor(((i + random()) / count) * 90 * DAY);
    const at = new Date(Math.min(t, now.getTime() - 1000)).toISOString();
    const platform = pick(PLATFORMS);
    const roll = random();
    if (roll < 0.3) {
      events.push({
        at,
        type: 'published',
        platform,
        kind: 'post',
        id: `post-${i}`,
        text: text(2 + Math.floor(random() * 3)),
      });
    } else if (roll < 0.7 || comments.length === 0) {
      const id = `comment-${i}`;
      comments.push({ id, platform, t });
      const question = random() < 0.3;
      events.push({
        at,
        type: 'comment-received',
        platform,
        id,
        on: `post-${Math.floor(random() * i)}`,
        from: `@reader${Math.floor(random() * 400)}`,
        text: `${sentence()}${question ? ' What do you think?' : ''}`,
        url: `https://example.social/${platform}/${id}`,
        exact: random() < 0.5,
      });
    } else {
      // An answer to one of the recent comments: a reply in the composer, a reader's record, or
      // "no reply needed". Some comments are never answered.
      // Each answer names its own comment, so every event is one the ledger keeps (no duplicates).
      const target = comments.splice(
        comments.length - 1 - Math.floor(random() * Math.min(40, comments.length)),
        1,
      )[0]!;
      const how = random();
      if (how < 0.4)
        events.push({
          at,
          type: 'published',
          platform: target.platform,
          kind: 'reply',
          to: target.id,
          text: text(1),
        });
      else if (how < 0.9) events.push({ at, type: 'replied', platform: target.platform, to: target.id });
      else events.push({ at, type: 'no-reply-needed', platform: target.platform, to: target.id });
    }
  }
  return events;
}
