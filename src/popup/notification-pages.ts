/**
 * Where each network lists what waits for the person: the link a waiting row offers when the
 * reader recorded no link to the comment itself (every row holds a link, product.md). These are the
 * pages the readers read; Mastodon has no fixed host (its items always carry their status URL).
 */
import type { Platform } from '../engine/types.ts';

export const NOTIFICATION_PAGES: Partial<Record<Platform, string>> = {
  x: 'https://x.com/notifications/mentions',
  linkedin: 'https://www.linkedin.com/notifications/',
  facebook: 'https://www.facebook.com/notifications',
  instagram: 'https://www.instagram.com/accounts/activity/',
  threads: 'https://www.threads.net/activity',
  bluesky: 'https://bsky.app/notifications',
  reddit: 'https://www.reddit.com/message/inbox',
  youtube: 'https://studio.youtube.com/',
};
