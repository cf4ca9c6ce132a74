/** Facebook: Lexical; the placeholder and most labels are outside the editable. */
import { hostIs, labelOf, nearby, pick, textOf, trimmed, type SiteAdapter } from './adapter.ts';

const SUBMIT =
  'div[role="button"][aria-label="Post"],[role="button"][aria-label="Comment"],[role="button"][aria-label="Reply"]';

function describe(root: Element): string {
  // The aria-label on the editor and the placeholder rendered next to it, never the draft itself.
  const siblings = Array.from(root.parentElement?.children ?? []).filter((el) => el !== root);
  return `${root.getAttribute('aria-label') ?? ''} ${siblings.map((el) => textOf(el, 300)).join(' ')}`;
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  platform: 'facebook',
  matches: (where) => hostIs(where, 'facebook.com'),
  classify(root, where) {
    const label = describe(root);
    if (
      where.pathname.startsWith('/messages') ||
      /^\s*(message|aa)\b/i.test(root.getAttribute('aria-label') ?? '') ||
      root.closest('[aria-label="Chats"],[data-pagelet*="Chat" i]')
    ) {
      return { platform: 'facebook', kind: 'post', excluded: true };
    }
    const reply = /Reply to ([^…\n.]+?)\s*(…|\.\.\.|$)/i.exec(label) ?? /Write a reply/i.exec(label);
    if (reply) {
      const author = trimmed(reply[1]);
      // The comment answered: its own timestamp link names it (a reply's reply_comment_id first).
      const link = root
        .closest('[role="article"]')
        ?.querySelector('a[href*="comment_id="]')
        ?.getAttribute('href');
      const to = pick(/reply_comment_id=(\d+)/, link) ?? pick(/comment_id=(\d+)/, link);
      return { platform: 'facebook', kind: 'reply', ...(author ? { parentAuthor: author } : {}), to };
    }
    if (/comment/i.test(label)) return { platform: 'facebook', kind: 'comment' };
    return { platform: 'facebook', kind: 'post' };
  },
  submitControls: (root) => nearby(root, SUBMIT).filter((el) => labelOf(el) !== ''),
  // Comments and replies go out on Enter; the post composer needs its button.
  enterPosts: (root, where) => facebook.classify(root, where).kind !== 'post',
  modEnterPosts: false,
};
