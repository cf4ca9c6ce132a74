/** YouTube: a contenteditable inside Polymer's comment box. */
import { closestDeep } from '../discover.ts';
import { hostIs, nearby, pick, trimmed, type SiteAdapter } from './adapter.ts';

const SUBMIT = '#submit-button button,button#submit-button';

export const youtube: SiteAdapter = {
  id: 'youtube',
  platform: 'youtube',
  matches: (where) => hostIs(where, 'youtube.com'),
  classify(root) {
    if (closestDeep(root, 'ytd-backstage-post-dialog-renderer,ytd-backstage-post-renderer[is-creation]')) {
      return { platform: 'youtube', kind: 'post' };
    }
    const dialog = closestDeep(root, 'ytd-comment-reply-dialog-renderer');
    if (!dialog) return { platform: 'youtube', kind: 'comment' };
    const parent = closestDeep(
      dialog,
      'ytd-comment-thread-renderer, ytd-comment-view-model, ytd-comment-renderer',
    );
    const author = trimmed(parent?.querySelector('#author-text')?.textContent);
    // The comment's id, from its own link (`lc=`), as Studio names it.
    const to = pick(/[?&]lc=([\w-]+)/, parent?.querySelector('a[href*="lc="]')?.getAttribute('href'));
    return { platform: 'youtube', kind: 'reply', ...(author ? { parentAuthor: author } : {}), to };
  },
  submitControls: (root) => {
    const box = closestDeep(root, 'ytd-commentbox');
    return box ? Array.from(box.querySelectorAll(SUBMIT)) : nearby(root, SUBMIT);
  },
  enterPosts: () => false,
  modEnterPosts: false,
};
