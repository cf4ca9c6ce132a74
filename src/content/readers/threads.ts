/**
 * Threads, approximate: the activity page the person opened (`/activity`), from its DOM. A reply,
 * mention or quote links to the other person's post, `/@<them>/post/<code>`, next to a link to
 * their profile; a like or follow links to the person's own post or to nothing, and is left out.
 */
import { absolute, around, textIn, whenListed } from './dom.ts';
import { distinct, excerpt, isoTime, item, type Reader } from './reader.ts';

const POSTS = 'a[href*="/post/"]';

export const threads: Reader = {
  platform: 'threads',
  async read(ctx) {
    if (!ctx.url.pathname.startsWith('/activity')) return null;
    const now = ctx.now();
    const items = (await whenListed(ctx.doc, POSTS)).flatMap((link) => {
      const url = absolute(link.getAttribute('href'), ctx.url);
      const match = url && /^\/@([\w.]+)\/post\/([\w-]+)/.exec(url.pathname);
      if (!url || !match) return [];
      const row = around(link, 'a[href^="/@"]:not([href*="/post/"])');
      const actor = /^\/@([\w.]+)\/?$/.exec(
        row?.querySelector('a[href^="/@"]:not([href*="/post/"])')?.getAttribute('href') ?? '',
      )?.[1];
      // Someone else's post by the row's actor: their reply, mention or quote.
      if (!row || actor !== match[1]) return [];
      return [
        item({
          id: match[2]!,
          at: isoTime(row.querySelector('time')?.getAttribute('datetime')) ?? now.toISOString(),
          from: `@${actor}`,
          text: excerpt(textIn(link)),
          url: url.href,
        }),
      ];
    });
    return { exact: false, items: distinct(items), answered: [] };
  },
};
