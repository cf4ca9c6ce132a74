/**
 * Instagram, approximate: the activity page the person opened (`/accounts/activity/`, or
 * `/notifications`), from its DOM. A comment or mention links to `/p/<code>/c/<comment id>/`;
 * the author is the profile link beside it.
 */
import { absolute, around, textIn, whenListed } from './dom.ts';
import { agoTime, distinct, excerpt, item, type Reader } from './reader.ts';

const LINKS = 'a[href*="/c/"]';
const PROFILE = 'a[href^="/"]:not([href*="/p/"]):not([href*="/reel/"])';

export const instagram: Reader = {
  platform: 'instagram',
  async read(ctx) {
    if (!/^\/(accounts\/activity|notifications)/.test(ctx.url.pathname)) return null;
    const now = ctx.now();
    const items = (await whenListed(ctx.doc, LINKS)).flatMap((link) => {
      const url = absolute(link.getAttribute('href'), ctx.url);
      const match = url && /^\/(?:p|reel)\/([^/]+)\/c\/(\d+)/.exec(url.pathname);
      if (!url || !match) return [];
      const row = around(link, PROFILE) ?? link;
      const who = /^\/([\w.]+)\/?$/.exec(row.querySelector(PROFILE)?.getAttribute('href') ?? '')?.[1];
      const words = textIn(row)
        .replace(/^.*?(?:commented|mentioned you in a comment|replied)\s*:?\s*/i, '')
        .replace(/\s*\d+\s*[smhdw]\s*$/i, '');
      return [
        item({
          id: match[2]!,
          on: match[1],
          at: agoTime(/\b\d+\s*[smhdw]\s*$/i.exec(textIn(row))?.[0], now) ?? now.toISOString(),
          from: who ? `@${who}` : undefined,
          text: excerpt(words),
          url: url.href,
        }),
      ];
    });
    return { exact: false, items: distinct(items), answered: [] };
  },
};
