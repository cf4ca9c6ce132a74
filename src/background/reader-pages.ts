/**
 * Which network's reader a page gets (src/content/readers/): the exact readers (Mastodon, Reddit,
 * Bluesky) on any page of their network, the person's own session being what they read with; the
 * approximate ones only on the notifications page the person opened, and YouTube only in Studio's
 * comments. Pure: the build (scripts/build/readers-plugin.ts), the worker and tests share it.
 */

export const READERS = [
  'mastodon',
  'reddit',
  'bluesky',
  'youtube',
  'x',
  'linkedin',
  'facebook',
  'instagram',
  'threads',
] as const;
export type ReaderId = (typeof READERS)[number];

/** Where each reader's built file lands in dist/<target>/. */
export const readerFile = (id: ReaderId): string => `readers/${id}.js`;

/** Readers that make requests wait longer between reads than those that only read the page. */
export const EXACT_READERS: ReadonlySet<ReaderId> = new Set(['mastodon', 'reddit', 'bluesky']);

/**
 * The reader for a page, or null. `instances`: the Mastodon instances the person added (the
 * worker's granted hosts); mastodon.social is built in.
 */
export function readerFor(href: string, instances: readonly string[] = []): ReaderId | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const { hostname: host, pathname: path } = url;
  const on = (...hosts: string[]) => hosts.some((h) => host === h || host.endsWith(`.${h}`));
  const page = (id: ReaderId, test: RegExp) => (test.test(path) ? id : null);
  if (host === 'mastodon.social' || instances.includes(host)) return 'mastodon';
  if (on('reddit.com')) return 'reddit';
  if (host === 'bsky.app') return 'bluesky';
  if (host === 'studio.youtube.com') return page('youtube', /^\/channel\/[^/]+\/comments/);
  if (on('x.com', 'twitter.com')) return page('x', /^\/notifications\/mentions\/?$/);
  if (on('linkedin.com')) return page('linkedin', /^\/notifications/);
  if (on('facebook.com')) return page('facebook', /^\/notifications/);
  if (on('instagram.com')) return page('instagram', /^\/(accounts\/activity|notifications)/);
  if (on('threads.net', 'threads.com')) return page('threads', /^\/activity/);
  return null;
}
