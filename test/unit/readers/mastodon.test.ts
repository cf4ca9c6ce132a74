// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mastodon } from '../../../src/content/readers/mastodon.ts';
import { NoSession, RateLimited, Refused } from '../../../src/content/readers/reader.ts';
import {
  MASTODON_EXPECTED,
  MASTODON_INITIAL_STATE,
  MASTODON_ME,
  MASTODON_TOKEN,
} from '../../fixtures/apis/mastodon.ts';
import { context } from './context.ts';

/** A page with the web app's initial state, as the server renders it. */
function page(state: unknown = MASTODON_INITIAL_STATE): Document {
  const doc = document.implementation.createHTMLDocument('Mastodon');
  const script = doc.createElement('script');
  script.id = 'initial-state';
  script.type = 'application/json';
  script.textContent = typeof state === 'string' ? state : JSON.stringify(state);
  doc.head.append(script);
  return doc;
}

const sorted = (list: readonly string[]) => [...list].sort();

describe('Mastodon reader', () => {
  it('reads the mentions exactly, and which of them the person answered', async () => {
    const ctx = context('https://mastodon.social/notifications', { doc: page() });
    const seen = await mastodon.read(ctx);
    expect(seen?.exact).toBe(true);
    expect(seen?.items.map((i) => i.id)).toEqual(MASTODON_EXPECTED.items);
    expect(sorted(seen?.answered ?? [])).toEqual(sorted(MASTODON_EXPECTED.answered));
    const m2 = seen?.items.find((i) => i.text === MASTODON_EXPECTED.m2Text);
    expect(m2).toMatchObject({ from: '@lee', url: MASTODON_EXPECTED.m2Url, on: '110000000000000001' });
    // A mention that answers nothing of the person's has no `on`.
    expect(seen?.items.find((i) => i.id === '110000000000000013')?.on).toBeUndefined();
    expect(seen?.items.find((i) => i.id === '110000000000000014')?.text).toBe(
      '@sam This broke our build too. Same error on ARM.',
    );
  });

  it('asks the instance for mentions only, with the token in the header and nowhere else', async () => {
    const ctx = context('https://mastodon.social/notifications', { doc: page() });
    const seen = await mastodon.read(ctx);
    expect(ctx.sent.map((s) => s.url)).toEqual([
      'https://mastodon.social/api/v1/notifications?types[]=mention&limit=40',
      `https://mastodon.social/api/v1/accounts/${MASTODON_ME}/statuses?exclude_reblogs=true&limit=40`,
    ]);
    expect(ctx.sent.every((s) => s.headers.authorization === `Bearer ${MASTODON_TOKEN}`)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(MASTODON_TOKEN);
  });

  it('reads nothing on a page without a signed-in session', async () => {
    for (const doc of [
      document.implementation.createHTMLDocument('none'),
      page({ meta: { locale: 'en' } }),
      page({ meta: { access_token: MASTODON_TOKEN } }),
    ]) {
      const ctx = context('https://mastodon.social/about', { doc });
      expect(await mastodon.read(ctx)).toBeNull();
      expect(ctx.sent).toEqual([]);
    }
  });

  it('refuses an initial state or an answer that is not shaped as documented', async () => {
    await expect(mastodon.read(context('https://mastodon.social/', { doc: page('{oops') }))).rejects.toThrow(
      new Refused('Mastodon initial state: the answer is not JSON'),
    );
    const ctx = context('https://mastodon.social/notifications', { doc: page() });
    ctx.apis.fail('mastodon', { body: JSON.stringify([{ id: 1, type: 'mention' }]) });
    const refused = await mastodon.read(ctx).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Refused);
    expect(String(refused)).toMatch(/Mastodon notifications: .*\[0\]/s);
    ctx.apis.fail('mastodon', { body: 'not json' });
    await expect(mastodon.read(ctx)).rejects.toThrow('Mastodon notifications: the answer is not JSON');
  });

  it('a 429 names its Retry-After; a spent budget stops the read until the window resets', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    let ctx = context('https://mastodon.social/notifications', { doc: page(), now });
    ctx.apis.fail('mastodon', { status: 429, headers: { 'retry-after': '120' } });
    await expect(mastodon.read(ctx)).rejects.toEqual(new RateLimited(120));

    // One request left: the statuses are not asked for; the read stops and waits for the reset.
    ctx = context('https://mastodon.social/notifications', { doc: page(), now });
    ctx.apis.fail('mastodon', {
      headers: { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '2026-11-20T12:04:00.000Z' },
    });
    await expect(mastodon.read(ctx)).rejects.toEqual(new RateLimited(240));
    expect(ctx.sent).toHaveLength(1);
  });

  it('an expired token is a signed-out session, not an error', async () => {
    const ctx = context('https://mastodon.social/notifications', {
      doc: page({ meta: { access_token: 'expired', me: MASTODON_ME } }),
    });
    await expect(mastodon.read(ctx)).rejects.toBeInstanceOf(NoSession);
  });

  it('pages back through the person statuses until they predate the oldest mention', async () => {
    const mention = {
      id: '1',
      type: 'mention',
      created_at: '2026-11-01T00:00:00.000Z',
      account: { id: '9', acct: 'dana' },
      status: {
        id: '500',
        created_at: '2026-11-01T00:00:00.000Z',
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        uri: 'https://mastodon.social/users/dana/statuses/500',
        url: null,
        content: '<p>hi</p>',
        account: { id: '9', acct: 'dana' },
      },
    };
    const status = (id: number, replyTo: string | null, at: string) => ({
      ...mention.status,
      id: String(id),
      created_at: at,
      in_reply_to_id: replyTo,
      account: { id: MASTODON_ME, acct: 'sam' },
    });
    const newer = Array.from({ length: 40 }, (_, i) => status(2000 - i, null, '2026-11-10T00:00:00.000Z'));
    const ctx = context('https://mastodon.social/notifications', {
      doc: page(),
      fetch(url) {
        if (url.includes('/notifications')) return Response.json([mention]);
        if (!url.includes('max_id')) return Response.json(newer);
        return Response.json([status(900, '500', '2026-11-02T00:00:00.000Z')]);
      },
    });
    const seen = await mastodon.read(ctx);
    expect(seen?.answered).toEqual(['500']);
    expect(ctx.sent[2]?.url).toContain('&max_id=1961');
    expect(seen?.items[0]?.url).toBe('https://mastodon.social/users/dana/statuses/500');
  });
});
