/**
 * X, approximate: the mentions page the person opened (`/notifications/mentions`), read from its
 * DOM. Each `article[data-testid="tweet"]` is a post that mentions or answers the person; its id
 * is the status id in the link around its `time`. Answered: when the person replies from the
 * composer (the adapter names the status it answers).
 */
import { handleFrom } from '../sites/adapter.ts';
import { absolute, textIn, whenListed } from './dom.ts';
import { distinct, excerpt, isoTime, item, type Reader } from './reader.ts';

const TWEETS = '[data-testid="cellInnerDiv"] article[data-testid="tweet"]';

export const x: Reader = {
  platform: 'x',
  async read(ctx) {
    if (!/^\/notifications\/mentions\/?$/.test(ctx.url.pathname)) return null;
    const now = ctx.now();
    const items = (await whenListed(ctx.doc, TWEETS)).flatMap((tweet) => {
      const time = tweet.querySelector('time');
      const link = absolute(time?.closest('a[href*="/status/"]')?.getAttribute('href'), ctx.url);
      const id = link && /\/status\/(\d+)/.exec(link.pathname)?.[1];
      if (!link || !id) return [];
      return [
        item({
          id,
          at: isoTime(time?.getAttribute('datetime')) ?? now.toISOString(),
          from: handleFrom(textIn(tweet.querySelector('[data-testid="User-Name"]'))),
          text: excerpt(textIn(tweet.querySelector('[data-testid="tweetText"]'))),
          url: link.href,
        }),
      ];
    });
    return { exact: false, items: distinct(items), answered: [] };
  },
};
