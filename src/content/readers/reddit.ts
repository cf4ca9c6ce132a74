/**
 * Reddit, exact: the site's own JSON with the person's session cookies (same origin, no token).
 * `/message/inbox.json?mark=false` lists comment replies, post replies and username mentions
 * (t1 things) without marking them read; private messages (t4) are left out. An item is answered
 * when one of the person's comments (`/user/<me>/comments.json`) has `parent_id` = its `name`.
 * The person's name is the inbox items' `dest`.
 */
import * as z from 'zod/mini';
import { createJsonClient, distinct, excerpt, isoTime, item, type Reader, type SeenItem } from './reader.ts';

const InboxComment = z.object({
  name: z.string().check(z.startsWith('t1_')),
  author: z.nullable(z.string()),
  body: z.string(),
  created_utc: z.number(),
  context: z.optional(z.string()),
  parent_id: z.nullable(z.string()),
  dest: z.string(),
  type: z.optional(z.string()),
});

/** A Listing of things; inbox children are t1 (comments) or t4 (private messages), checked per kind. */
function listing<T extends z.ZodMiniType>(child: T) {
  return z.object({
    kind: z.literal('Listing'),
    data: z.object({ after: z.nullable(z.string()), children: z.array(child) }),
  });
}

export const Inbox = listing(
  z.union([
    z.object({ kind: z.literal('t1'), data: InboxComment }),
    z.object({ kind: z.literal('t4'), data: z.object({ name: z.string() }) }),
  ]),
);

export const UserComments = listing(
  z.object({
    kind: z.literal('t1'),
    data: z.object({ name: z.string(), parent_id: z.string(), created_utc: z.number() }),
  }),
);

/** Reddit's largest page. */
const LIMIT = 100;
/** Pages of the person's comments read to find their answers, at most. */
const COMMENT_PAGES = 3;
/** Inbox items that are a conversation on the person's posts and comments (not moderator mail). */
const TYPES = new Set(['comment_reply', 'post_reply', 'username_mention']);

export function inboxItems(inbox: z.infer<typeof Inbox>, origin: string): SeenItem[] {
  const items: SeenItem[] = [];
  for (const child of inbox.data.children) {
    if (child.kind !== 't1') continue;
    const c = child.data;
    if (c.type !== undefined && !TYPES.has(c.type)) continue;
    items.push(
      item({
        id: c.name,
        at: isoTime(c.created_utc) ?? new Date(0).toISOString(),
        // A reply's parent is the person's comment (t1) or post (t3); a mention's is someone else's.
        on: c.type === 'username_mention' ? undefined : (c.parent_id ?? undefined),
        from: c.author ? `u/${c.author}` : undefined,
        text: excerpt(c.body),
        url: c.context ? new URL(c.context, origin).href : undefined,
      }),
    );
  }
  return distinct(items);
}

export const reddit: Reader = {
  platform: 'reddit',
  async read(ctx) {
    const api = createJsonClient(ctx);
    const origin = ctx.url.origin;
    const inbox = await api.get(
      'Reddit inbox',
      `${origin}/message/inbox.json?mark=false&limit=${LIMIT}&raw_json=1`,
      Inbox,
    );
    const items = inboxItems(inbox, origin);
    const me = inbox.data.children.find((c) => c.kind === 't1')?.data;
    const answered = new Set<string>();
    if (items.length > 0 && me && 'dest' in me) {
      const waiting = new Set(items.map((i) => i.id));
      const oldest = Math.min(...items.map((i) => Date.parse(i.at)));
      let after = '';
      for (let page = 0; page < COMMENT_PAGES && waiting.size > 0; page++) {
        const mine = await api.get(
          'Reddit comments',
          `${origin}/user/${encodeURIComponent(me.dest)}/comments.json?limit=${LIMIT}&sort=new${after}`,
          UserComments,
        );
        for (const { data } of mine.data.children) {
          if (waiting.delete(data.parent_id)) answered.add(data.parent_id);
        }
        const last = mine.data.children[mine.data.children.length - 1]?.data;
        if (!last || !mine.data.after || last.created_utc * 1000 < oldest) break;
        after = `&after=${encodeURIComponent(mine.data.after)}`;
      }
    }
    return {
      exact: true,
      items,
      answered: [...answered],
      ...(api.retryAfter ? { retryAfter: api.retryAfter } : {}),
    };
  },
};
