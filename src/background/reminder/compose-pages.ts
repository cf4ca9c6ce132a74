/**
 * Where the person writes something new on each network: the page a reminder opens when no comment
 * is waiting. Mastodon's is mastodon.social's, the instance Rapport knows out of the box (an added
 * instance's host is not tied to the person's account).
 */
import type { Platform } from '../../engine/types.ts';

export const COMPOSE_PAGES: Record<Platform, string> = {
  x: 'https://x.com/compose/post',
  linkedin: 'https://www.linkedin.com/feed/?shareActive=true',
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  threads: 'https://www.threads.net/',
  bluesky: 'https://bsky.app/',
  mastodon: 'https://mastodon.social/publish',
  reddit: 'https://www.reddit.com/submit',
  youtube: 'https://www.youtube.com/',
};

/** Executives are the reminder's first audience, and LinkedIn is where most of them write. */
export const PREFERRED_NETWORKS: readonly Platform[] = [
  'linkedin',
  'x',
  'bluesky',
  'mastodon',
  'threads',
  'facebook',
  'reddit',
  'instagram',
  'youtube',
];
