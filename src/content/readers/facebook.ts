/**
 * Facebook, approximate: the notifications page the person opened (`/notifications`), from its
 * DOM. Classes are generated, so only links and roles are read: a comment or reply notification
 * links with `comment_id=` (a reply also `reply_comment_id=`), which is the item's id.
 */
import { absolute, sentence, textIn, whenListed } from './dom.ts';
import { agoTime, distinct, excerpt, item, type Reader } from './reader.ts';

const LINKS = 'a[href*="comment_id="]';

export const facebook: Reader = {
  platform: 'facebook',
  async read(ctx) {
    if (!ctx.url.pathname.startsWith('/notifications')) return null;
    const now = ctx.now();
    const items = (await whenListed(ctx.doc, LINKS)).flatMap((link) => {
      const url = absolute(link.getAttribute('href'), ctx.url);
      const id = url?.searchParams.get('reply_comment_id') ?? url?.searchParams.get('comment_id');
      if (!url || !id) return [];
      const text = textIn(link);
      const said = sentence(text);
      return [
        item({
          id,
          at: agoTime(/\b\d+\s*[a-z]+(?: ago)?\s*$/i.exec(text)?.[0], now) ?? now.toISOString(),
          from: said.name,
          text: excerpt(said.quote?.replace(/\s*\d+\s*[a-z]+(?: ago)?\s*$/i, '')),
          url: url.href,
        }),
      ];
    });
    return { exact: false, items: distinct(items), answered: [] };
  },
};
