/**
 * YouTube, exact per Studio: the comments page of YouTube Studio
 * (`studio.youtube.com/channel/<id>/comments/inbox`) while it is filtered to "Without a response".
 * Studio does the answering bookkeeping itself, so every thread that list shows is waiting; the
 * reader reads nothing from any other view of the list. A comment's id is the `lc=` of its link.
 */
import { absolute, textIn, whenListed } from './dom.ts';
import { agoTime, distinct, excerpt, item, type Reader } from './reader.ts';

const THREADS = 'ytcp-comment-thread';
const FILTER = /without a response/i;

export const youtube: Reader = {
  platform: 'youtube',
  async read(ctx) {
    if (ctx.url.hostname !== 'studio.youtube.com' || !/\/comments/.test(ctx.url.pathname)) return null;
    const now = ctx.now();
    const threads = await whenListed(ctx.doc, THREADS);
    const filter = ctx.doc.querySelector('ytcp-comments-filter,[role="toolbar"][aria-label*="ilter"]');
    if (!FILTER.test(textIn(filter))) return null;
    const items = threads.flatMap((thread) => {
      const comment = thread.querySelector('ytcp-comment') ?? thread;
      const link = absolute(comment.querySelector('a[href*="lc="]')?.getAttribute('href'), ctx.url);
      const id = link?.searchParams.get('lc');
      if (!link || !id) return [];
      const author = textIn(comment.querySelector('#author-text,#name'));
      return [
        item({
          id,
          on: link.searchParams.get('v') ?? undefined,
          at:
            agoTime(textIn(comment.querySelector('#published-time-text,.published-time-text')), now) ??
            now.toISOString(),
          from: author || undefined,
          text: excerpt(textIn(comment.querySelector('#content-text'))),
          url: link.href,
        }),
      ];
    });
    return { exact: true, items: distinct(items), answered: [] };
  },
};
