/**
 * Mastodon, exact: the instance's REST API with the web app's own token. The page carries it in
 * `<script id="initial-state" type="application/json">` (`meta.access_token`, `meta.me` = the
 * person's account id). Mentions come from `/api/v1/notifications?types[]=mention`; an item is
 * answered when one of the person's own statuses has `in_reply_to_id` = its status id.
 */
import * as z from 'zod/mini';
import {
  createJsonClient,
  distinct,
  excerpt,
  htmlText,
  isoTime,
  item,
  parseJson,
  type Reader,
  type SeenItem,
} from './reader.ts';

/** The fields read from the documented entities (Account, Status, Notification); others pass. */
const Account = z.object({ id: z.string(), acct: z.string(), url: z.optional(z.nullable(z.string())) });

export const Status = z.object({
  id: z.string(),
  created_at: z.string(),
  in_reply_to_id: z.nullable(z.string()),
  in_reply_to_account_id: z.nullable(z.string()),
  uri: z.string(),
  url: z.optional(z.nullable(z.string())),
  content: z.string(),
  account: Account,
});

export const Notification = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: Account,
  status: z.optional(z.nullable(Status)),
});

export const Notifications = z.array(Notification);
export const Statuses = z.array(Status);

/** What the web app's initial state must hold for a read: a signed-in session. */
export const InitialState = z.object({
  meta: z.object({ access_token: z.optional(z.string()), me: z.optional(z.string()) }),
});

/** Mastodon's largest page of notifications and of statuses. */
const NOTIFICATIONS_LIMIT = 40;
const STATUSES_LIMIT = 40;
/** Pages of the person's statuses read to find their answers, at most. */
const STATUS_PAGES = 3;

/** The mentions as items (one per mentioning status; other notification types are left out). */
export function mentionItems(notifications: z.infer<typeof Notifications>, me: string): SeenItem[] {
  const items: SeenItem[] = [];
  for (const n of notifications) {
    const status = n.status;
    if (n.type !== 'mention' || !status || status.account.id === me) continue;
    items.push(
      item({
        id: status.id,
        at: isoTime(status.created_at) ?? isoTime(n.created_at) ?? new Date(0).toISOString(),
        on: status.in_reply_to_account_id === me ? (status.in_reply_to_id ?? undefined) : undefined,
        from: `@${status.account.acct}`,
        text: excerpt(htmlText(status.content)),
        url: status.url ?? status.uri,
      }),
    );
  }
  return distinct(items);
}

export const mastodon: Reader = {
  platform: 'mastodon',
  async read(ctx) {
    const state = ctx.doc.getElementById('initial-state')?.textContent;
    if (!state) return null;
    const { meta } = parseJson('Mastodon initial state', state, InitialState);
    if (!meta.access_token || !meta.me) return null;
    const me = meta.me;
    // The token goes into these requests' headers and nowhere else.
    const auth = { authorization: `Bearer ${meta.access_token}` };
    const api = createJsonClient(ctx);
    const base = `${ctx.url.origin}/api/v1`;
    const notifications = await api.get(
      'Mastodon notifications',
      `${base}/notifications?types[]=mention&limit=${NOTIFICATIONS_LIMIT}`,
      Notifications,
      auth,
    );
    const items = mentionItems(notifications, me);
    const answered = new Set<string>();
    if (items.length > 0) {
      const waiting = new Set(items.map((i) => i.id));
      const oldest = Math.min(...items.map((i) => Date.parse(i.at)));
      let maxId = '';
      for (let page = 0; page < STATUS_PAGES && waiting.size > 0; page++) {
        const statuses = await api.get(
          'Mastodon statuses',
          `${base}/accounts/${encodeURIComponent(me)}/statuses?exclude_reblogs=true&limit=${STATUSES_LIMIT}${maxId}`,
          Statuses,
          auth,
        );
        for (const s of statuses) {
          if (s.in_reply_to_id && waiting.delete(s.in_reply_to_id)) answered.add(s.in_reply_to_id);
        }
        const last = statuses[statuses.length - 1];
        // Older pages cannot hold an answer to an item newer than everything on them.
        if (!last || statuses.length < STATUSES_LIMIT || Date.parse(last.created_at) < oldest) break;
        maxId = `&max_id=${encodeURIComponent(last.id)}`;
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
