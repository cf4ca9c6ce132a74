/** Reddit's current site: Lexical and textareas inside web components (open shadow roots). */
import { closestDeep } from '../discover.ts';
import { hostIs, nearby, trimmed, type SiteAdapter } from './adapter.ts';

const SUBMIT = 'button[slot="submit-button"],#submit-post-button,button[type="submit"]';

export const reddit: SiteAdapter = {
  id: 'reddit',
  platform: 'reddit',
  matches: (where) => hostIs(where, 'reddit.com'),
  classify(root, where) {
    if (where.pathname.startsWith('/chat') || closestDeep(root, 'rs-app, shreddit-chat, faceplate-chat')) {
      return { platform: 'reddit', kind: 'post', excluded: true };
    }
    // A post's title is not a draft of its own; the body is coached and recorded (once).
    if (root.localName === 'textarea' && root.getAttribute('name') === 'title') {
      return { platform: 'reddit', kind: 'post', excluded: true };
    }
    const comment = closestDeep(root, 'shreddit-comment[thingid],shreddit-comment');
    if (comment) {
      const author = trimmed(comment.getAttribute('author'));
      return {
        platform: 'reddit',
        kind: 'reply',
        ...(author ? { parentAuthor: `u/${author}` } : {}),
        to: comment.getAttribute('thingid') ?? undefined,
      };
    }
    if (
      /\/submit\b/.test(where.pathname) ||
      closestDeep(root, 'shreddit-post-composer, r-post-composer-form')
    ) {
      return { platform: 'reddit', kind: 'post' };
    }
    return { platform: 'reddit', kind: 'comment' };
  },
  submitControls: (root) => nearby(root, SUBMIT),
  enterPosts: () => false,
  modEnterPosts: true,
};
