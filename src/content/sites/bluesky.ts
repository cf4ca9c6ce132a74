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
    if (!reply) return { platform: 'bluesky', kind: 'post' };
    // On a post's page the reply answers it; its address is the one the reader links items by.
    const post = /^\/profile\/[^/]+\/post\/[^/]+/.exec(where.pathname)?.[0];
    return { platform: 'bluesky', kind: 'reply', to: post && `https://bsky.app${post}` };
  },
  submitControls: (root) => nearby(root, SUBMIT),
  enterPosts: () => false,
  modEnterPosts: true,
};
