/**
 * Bluesky, exact: XRPC on the person's PDS with the session the web app keeps in localStorage
 * (`BSKY_STORAGE`: `session.accounts[]` with `did`, `accessJwt`, `pdsUrl`). Only the access token
 * is read; the refresh token is never touched (an expired session means no read until the app
 * refreshes it itself). Replies, mentions and quotes come from
 * `app.bsky.notification.listNotifications`; an item is answered when one of the person's posts
 * (`app.bsky.feed.getAuthorFeed`) replies to its URI.
 */
import * as z from 'zod/mini';
import { createJsonClient, distinct, excerpt, isoTime, item, type Reader, type SeenItem } from './reader.ts';

/** The parts of BSKY_STORAGE a read needs; the refresh token is not among them. */
export const BskyStorage = z.object({
  session: z.object({
    accounts: z.array(
      z.object({ did: z.string(), accessJwt: z.optional(z.string()), pdsUrl: z.optional(z.string()) }),
    ),
    currentAccount: z.optional(z.nullable(z.object({ did: z.string() }))),
  }),
});

const StrongRef = z.object({ uri: z.string(), cid: z.string() });
/** app.bsky.feed.post, as far as a reply's parent and the text go. */
const PostRecord = z.object({
  text: z.optional(z.string()),
  createdAt: z.optional(z.string()),
  reply: z.optional(z.object({ root: StrongRef, parent: StrongRef })),
});
const Profile = z.object({ did: z.string(), handle: z.string() });

/** app.bsky.notification.listNotifications output. */
export const Notifications = z.object({
  cursor: z.optional(z.string()),
  notifications: z.array(
    z.object({
      uri: z.string().check(z.startsWith('at://')),
      cid: z.string(),
      author: Profile,
      reason: z.string(),
      reasonSubject: z.optional(z.string()),
      record: z.unknown(),
      isRead: z.boolean(),
      indexedAt: z.string(),
    }),
  ),
});

/** app.bsky.feed.getAuthorFeed output (feedViewPost → postView). */
export const AuthorFeed = z.object({
  cursor: z.optional(z.string()),
  feed: z.array(
    z.object({
      post: z.object({
        uri: z.string(),
        cid: z.string(),
        author: Profile,
        record: z.unknown(),
        indexedAt: z.string(),
      }),
    }),
  ),
});

const REASONS = ['reply', 'mention', 'quote'];
/** The lexicons' largest page. */
const LIMIT = 100;
const FEED_PAGES = 3;

/** `at://did/app.bsky.feed.post/rkey` → the post's address in the web app. */
export function postUrl(uri: string, handle: string): string | undefined {
  const rkey = /^at:\/\/[^/]+\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)?.[1];
  return rkey ? `https://bsky.app/profile/${handle}/post/${rkey}` : undefined;
}

export function notificationItems(list: z.infer<typeof Notifications>, me: string): SeenItem[] {
  const items: SeenItem[] = [];
  for (const n of list.notifications) {
    if (!REASONS.includes(n.reason) || n.author.did === me) continue;
    const record = PostRecord.safeParse(n.record);
    const post = record.success ? record.data : {};
    items.push(
      item({
        id: n.uri,
        at: isoTime(post.createdAt) ?? isoTime(n.indexedAt) ?? new Date(0).toISOString(),
        // A reply names the person's post it answers; a quote's subject is the quoted post.
        on: n.reason === 'reply' ? post.reply?.parent.uri : n.reasonSubject,
        from: `@${n.author.handle}`,
        text: excerpt(post.text),
        url: postUrl(n.uri, n.author.handle),
      }),
    );
  }
  return distinct(items);
}

function session(raw: string | null) {
  if (!raw) return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = BskyStorage.safeParse(json);
  if (!parsed.success) return null;
  const { accounts, currentAccount } = parsed.data.session;
  const account = accounts.find((a) => a.did === currentAccount?.did);
  if (!account?.accessJwt || !account.pdsUrl) return null;
  const pds = new URL(account.pdsUrl);
  if (pds.protocol !== 'https:') return null;
  return { did: account.did, pds: pds.origin, jwt: account.accessJwt };
}

export const bluesky: Reader = {
  platform: 'bluesky',
  async read(ctx) {
    const current = session(ctx.storage()?.getItem('BSKY_STORAGE') ?? null);
    if (!current) return null;
    const auth = { authorization: `Bearer ${current.jwt}` };
    const xrpc = `${current.pds}/xrpc`;
    const api = createJsonClient(ctx);
    const reasons = REASONS.map((r) => `reasons=${r}`).join('&');
    const list = await api.get(
      'Bluesky notifications',
      `${xrpc}/app.bsky.notification.listNotifications?${reasons}&limit=${LIMIT}`,
      Notifications,
      auth,
    );
    const items = notificationItems(list, current.did);
    const answered = new Set<string>();
    if (items.length > 0) {
      const waiting = new Set(items.map((i) => i.id));
      const oldest = Math.min(...items.map((i) => Date.parse(i.at)));
      let cursor = '';
      for (let page = 0; page < FEED_PAGES && waiting.size > 0; page++) {
        const feed = await api.get(
          'Bluesky author feed',
          `${xrpc}/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(current.did)}&filter=posts_with_replies&limit=${LIMIT}${cursor}`,
          AuthorFeed,
          auth,
        );
        for (const { post } of feed.feed) {
          if (post.author.did !== current.did) continue; // a repost of someone else's post
          const parent = PostRecord.safeParse(post.record);
          const to = parent.success ? parent.data.reply?.parent.uri : undefined;
          if (to && waiting.delete(to)) answered.add(to);
        }
        const last = feed.feed[feed.feed.length - 1]?.post;
        if (!last || !feed.cursor || Date.parse(last.indexedAt) < oldest) break;
        cursor = `&cursor=${encodeURIComponent(feed.cursor)}`;
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
