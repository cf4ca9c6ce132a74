/**
 * Every site adapter, most specific first; the first whose `matches` is true classifies the page.
 * Adding a network: one file here named after its id (see adapter.ts), registered below, with
 * classification cases in test/unit/content/sites.test.ts (a structure test checks both).
 */
import type { SiteAdapter, Where } from './adapter.ts';
import { bluesky } from './bluesky.ts';
import { facebook } from './facebook.ts';
import { instagram } from './instagram.ts';
import { linkedin } from './linkedin.ts';
import { mastodon } from './mastodon.ts';
import { reddit } from './reddit.ts';
import { redditOld } from './reddit-old.ts';
import { threads } from './threads.ts';
import { x } from './x.ts';
import { youtube } from './youtube.ts';

export const ADAPTERS: readonly SiteAdapter[] = [
  x,
  linkedin,
  facebook,
  instagram,
  threads,
  bluesky,
  redditOld,
  reddit,
  youtube,
  // Last: any host, recognised by the page itself.
  mastodon,
];

/** The adapter for this page, or null (no coaching on sites nobody listed). */
export function adapterFor(where: Where, doc: Document): SiteAdapter | null {
  return ADAPTERS.find((adapter) => adapter.matches(where, doc)) ?? null;
}

export type { Classification, SiteAdapter, Where } from './adapter.ts';
