/** Instagram: comments are a <textarea>; captions and DMs are Lexical. */
import { handleFrom, hostIs, nearby, type SiteAdapter } from './adapter.ts';

const SUBMIT = 'div[role="button"],button[type="submit"],button';
const SUBMIT_TEXT = /^(post|share)$/i;

export const instagram: SiteAdapter = {
  id: 'instagram',
  platform: 'instagram',
  matches: (where) => hostIs(where, 'instagram.com'),
  classify(root, where) {
    const label = root.getAttribute('aria-label') ?? '';
    if (where.pathname.startsWith('/direct') || /^message/i.test(label)) {
      return { platform: 'instagram', kind: 'post', excluded: true };
    }
    if (/caption/i.test(label)) return { platform: 'instagram', kind: 'post' };
    // "Reply" pre-fills "@handle " in the comment box.
    const value =
      root.localName === 'textarea' ? (root as HTMLTextAreaElement).value : (root.textContent ?? '');
    const prefill = /^@[\w.]+\s/.exec(value);
    if (prefill) return { platform: 'instagram', kind: 'reply', parentAuthor: handleFrom(prefill[0])! };
    return { platform: 'instagram', kind: 'comment' };
  },
  submitControls: (root) => nearby(root, SUBMIT, SUBMIT_TEXT),
  enterPosts: (root) => root.localName === 'textarea',
  modEnterPosts: false,
};
