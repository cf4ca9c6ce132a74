/** Time units and platform display names for the history nudges. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  youtube: 'YouTube',
};
export const platformName = (p: string): string => PLATFORM_NAMES[p] ?? p;
