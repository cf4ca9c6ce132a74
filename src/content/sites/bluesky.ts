/** Bluesky (bsky.app): TipTap; the publish button's label says post or reply. */
import { hostIs, labelOf, nearby, type SiteAdapter } from './adapter.ts';

const SUBMIT = '[data-testid="composerPublishBtn"]';

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  platform: 'bluesky',
  matches: (where) => hostIs(where, 'bsky.app'),
  classify(root, where) {
    if (where.pathname.startsWith('/messages')) return { platform: 'bluesky', kind: 'post', excluded: true };
    const button = nearby(root, SUBMIT)[0];
    const reply = button ? /reply/i.test(labelOf(button)) : false;
    return { platform: 'bluesky', kind: reply ? 'reply' : 'post' };
  },
  submitControls: (root) => nearby(root, SUBMIT),
  enterPosts: () => false,
  modEnterPosts: true,
};
