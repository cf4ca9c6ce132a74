/** Threads (threads.net, threads.com): Lexical; a reply shows the original post beside the box. */
import { handleFrom, hostIs, nearby, pick, type SiteAdapter } from './adapter.ts';

export const threads: SiteAdapter = {
  id: 'threads',
  platform: 'threads',
  matches: (where) => hostIs(where, 'threads.net', 'threads.com'),
  classify(root, where) {
    const dialog = root.closest('[role="dialog"]');
    const label = `${root.getAttribute('aria-label') ?? ''} ${root.getAttribute('aria-placeholder') ?? ''}`;
    const reply =
      /reply/i.test(label) ||
      (dialog ? dialog.querySelector('a[href*="/post/"]') !== null : /\/post\//.test(where.pathname));
    if (!reply) return { platform: 'threads', kind: 'post' };
    const profile = (dialog ?? root.ownerDocument).querySelector('a[href^="/@"]');
    const author = handleFrom(profile?.getAttribute('href'));
    const to = pick(
      /\/post\/([\w-]+)/,
      dialog ? dialog.querySelector('a[href*="/post/"]')?.getAttribute('href') : where.pathname,
    );
    return { platform: 'threads', kind: 'reply', ...(author ? { parentAuthor: author } : {}), to };
  },
  submitControls: (root) => nearby(root, 'div[role="button"],button', /^post$/i),
  enterPosts: () => false,
  modEnterPosts: true,
};
