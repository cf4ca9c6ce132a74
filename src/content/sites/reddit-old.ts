/** old.reddit.com (and the old layout on www): plain textareas in `.usertext-edit` forms. */
import { hostIs, nearby, trimmed, type SiteAdapter } from './adapter.ts';

const SUBMIT = '.usertext-buttons button.save,.usertext-buttons button[type="submit"],button[name="submit"]';

export const redditOld: SiteAdapter = {
  id: 'reddit-old',
  platform: 'reddit',
  matches: (where, doc) =>
    hostIs(where, 'old.reddit.com') ||
    (hostIs(where, 'reddit.com') && doc.querySelector('#header-bottom-left,.usertext-edit') !== null),
  classify(root, where) {
    if (where.pathname.startsWith('/message/compose'))
      return { platform: 'reddit', kind: 'post', excluded: true };
    const comment = root.closest('.thing.comment');
    if (comment) {
      const author = trimmed(comment.getAttribute('data-author'));
      return {
        platform: 'reddit',
        kind: 'reply',
        ...(author ? { parentAuthor: `u/${author}` } : {}),
        to: comment.getAttribute('data-fullname') ?? undefined,
      };
    }
    if (/\/submit\b/.test(where.pathname)) return { platform: 'reddit', kind: 'post' };
    return { platform: 'reddit', kind: 'comment' };
  },
  submitControls: (root) => {
    const form = root.closest('form');
    return form ? Array.from(form.querySelectorAll(SUBMIT)) : nearby(root, SUBMIT);
  },
  enterPosts: () => false,
  modEnterPosts: false,
};
