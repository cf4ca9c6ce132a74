/**
 * LinkedIn, approximate: the notifications page the person opened (`/notifications/`), read from
 * its DOM with no request of its own. A comment, reply or mention links to its post with
 * `commentUrn=` (a reply also `replyUrn=`); that URN is the item's id, the one the comment's own
 * box carries when the person answers it from the composer.
 */
import { absolute, sentence, textIn, upTo, whenListed } from './dom.ts';
import { agoTime, distinct, excerpt, item, type Reader } from './reader.ts';

const LINKS = 'a[href*="commentUrn="],a[href*="replyUrn="]';
const CARD = 'article,li,[data-view-name*="notification"]';

export const linkedin: Reader = {
  platform: 'linkedin',
  async read(ctx) {
    if (!ctx.url.pathname.startsWith('/notifications')) return null;
    const now = ctx.now();
    const items = (await whenListed(ctx.doc, LINKS)).flatMap((link) => {
      const url = absolute(link.getAttribute('href'), ctx.url);
      const id = url?.searchParams.get('replyUrn') ?? url?.searchParams.get('commentUrn');
      if (!url || !id?.startsWith('urn:li:comment:')) return [];
      const card = upTo(link, CARD) ?? link;
      const said = sentence(textIn(link));
      return [
        item({
          id,
          at: agoTime(textIn(card.querySelector('time,[class*="time-ago"]')), now) ?? now.toISOString(),
          from: said.name,
          text: excerpt(said.quote),
          url: url.href,
        }),
      ];
    });
    return { exact: false, items: distinct(items), answered: [] };
  },
};
