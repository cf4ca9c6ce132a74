/** Mastodon, on any instance: recognised by the web app's `div#mastodon`, not by host name. */
import { handleFrom, nearby, pick, textOf, type SiteAdapter } from './adapter.ts';

const SUBMIT =
  '.compose-form__submit button[type="submit"],.compose-form__publish button,button[type="submit"]';

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  platform: 'mastodon',
  matches: (_where, doc) => doc.querySelector('div#mastodon') !== null,
  classify(root, where) {
    const form = root.closest('form.compose-form,.compose-form');
    const indicator = form?.querySelector('.reply-indicator');
    if (!indicator) return { platform: 'mastodon', kind: 'post' };
    const author = handleFrom(textOf(indicator.querySelector('.display-name__account') ?? indicator, 400));
    // On a status's own page (/@user/<id>) the reply answers that status.
    const to = pick(/^\/@[^/]+\/(\d+)/, where.pathname);
    return { platform: 'mastodon', kind: 'reply', ...(author ? { parentAuthor: author } : {}), to };
  },
  submitControls: (root) => {
    const form = root.closest('form');
    return form ? Array.from(form.querySelectorAll(SUBMIT)) : nearby(root, SUBMIT);
  },
  enterPosts: () => false,
  modEnterPosts: true,
};
