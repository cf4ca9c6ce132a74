/** X (x.com, formerly twitter.com): Draft.js; `data-testid`s are the most stable hooks. */
import { handleFrom, hostIs, labelOf, nearby, pick, textOf, type SiteAdapter } from './adapter.ts';

const SUBMIT = '[data-testid="tweetButton"],[data-testid="tweetButtonInline"]';

export const x: SiteAdapter = {
  id: 'x',
  platform: 'x',
  matches: (where) => hostIs(where, 'x.com', 'twitter.com'),
  classify(root, where) {
    if (
      where.pathname.startsWith('/messages') ||
      root.closest('[data-testid="dmComposerTextInput"],[data-testid="DmActivityContainer"]')
    ) {
      return { platform: 'x', kind: 'post', excluded: true };
    }
    const button = nearby(root, SUBMIT)[0];
    const placeholder = textOf(
      root.closest('.DraftEditor-root')?.querySelector('.public-DraftEditorPlaceholder-root'),
    );
    const dialog = root.closest('[role="dialog"]');
    const reply =
      (button ? /^reply/i.test(labelOf(button)) : false) ||
      /your reply/i.test(placeholder) ||
      /Replying to/i.test(textOf(dialog, 4000)) ||
      (!dialog && /^\/[^/]+\/status\/\d+/.test(where.pathname));
    if (!reply) return { platform: 'x', kind: 'post' };
    const context = dialog ?? root.ownerDocument;
    const author =
      handleFrom(textOf(context.querySelector('[data-testid="User-Name"]'))) ??
      handleFrom(/Replying to\s+(@[\w.-]+)/i.exec(textOf(dialog, 4000))?.[1]);
    // The status answered: the page's own, or the one quoted in the reply dialog.
    const to = pick(
      /\/status\/(\d+)/,
      dialog ? dialog.querySelector('a[href*="/status/"]')?.getAttribute('href') : where.pathname,
    );
    return { platform: 'x', kind: 'reply', ...(author ? { parentAuthor: author } : {}), to };
  },
  submitControls: (root) => nearby(root, SUBMIT),
  enterPosts: () => false,
  modEnterPosts: true,
};
