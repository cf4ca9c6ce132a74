import { describe, expect, it } from 'vitest';
import { bluesky, postUrl } from '../../../src/content/readers/bluesky.ts';
import { RateLimited, Refused } from '../../../src/content/readers/reader.ts';
import {
  BLUESKY_EXPECTED,
  BSKY_ACCESS_JWT,
  BSKY_ME,
  BSKY_PDS_HOST,
  BSKY_REFRESH_JWT,
  bskyStorage,
} from '../../fixtures/apis/bluesky.ts';
import { context } from './context.ts';

const PDS = `https://${BSKY_PDS_HOST}`;
const signedIn = (pdsUrl = PDS) => ({ BSKY_STORAGE: JSON.stringify(bskyStorage(pdsUrl)) });

describe('Bluesky reader', () => {
  it('reads replies, mentions and quotes exactly, and the one the person answered', async () => {
    const ctx = context('https://bsky.app/notifications', { storage: signedIn() });
    const seen = await bluesky.read(ctx);
    expect(seen?.exact).toBe(true);
    expect(seen?.items.map((i) => i.id)).toEqual(BLUESKY_EXPECTED.items);
    // Kim's reply to Lee, reposted by the person, answers nothing of theirs.
    expect(seen?.answered).toEqual(BLUESKY_EXPECTED.answered);
    expect(seen?.items[0]).toMatchObject({
      from: '@lee.example.com',
      text: 'Could you share the slides?',
      url: BLUESKY_EXPECTED.replyLeeUrl,
      on: `at://${BSKY_ME}/app.bsky.feed.post/3lb2bbbbbbb2b`,
    });
  });

  it('asks the person PDS with the access token only, for those three reasons', async () => {
    const ctx = context('https://bsky.app/', { storage: signedIn() });
    const seen = await bluesky.read(ctx);
    expect(ctx.sent[0]?.url).toBe(
      `${PDS}/xrpc/app.bsky.notification.listNotifications?reasons=reply&reasons=mention&reasons=quote&limit=100`,
    );
    expect(ctx.sent[1]?.url).toContain(
      `/xrpc/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(BSKY_ME)}`,
    );
    expect(ctx.sent.every((s) => s.headers.authorization === `Bearer ${BSKY_ACCESS_JWT}`)).toBe(true);
    const everything = JSON.stringify([ctx.sent, seen]);
    expect(everything).not.toContain(BSKY_REFRESH_JWT);
    expect(JSON.stringify(seen)).not.toContain(BSKY_ACCESS_JWT);
  });

  it('reads nothing without a usable session', async () => {
    const current = bskyStorage(PDS);
    for (const storage of [
      {},
      { BSKY_STORAGE: '{not json' },
      { BSKY_STORAGE: JSON.stringify({ session: { accounts: [] } }) },
      {
        BSKY_STORAGE: JSON.stringify({
          ...current,
          session: { ...current.session, currentAccount: undefined },
        }),
      },
      signedIn('http://pds.example.com'),
    ]) {
      const ctx = context('https://bsky.app/', { storage });
      expect(await bluesky.read(ctx)).toBeNull();
      expect(ctx.sent).toEqual([]);
    }
  });

  it('refuses notifications that are not shaped as the lexicon says', async () => {
    const ctx = context('https://bsky.app/', { storage: signedIn() });
    ctx.apis.fail('bluesky', {
      body: JSON.stringify({ notifications: [{ uri: 'https://x', reason: 'reply' }] }),
    });
    const refused = await bluesky.read(ctx).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Refused);
    expect(String(refused)).toMatch(/Bluesky notifications: .*notifications\[0\]/s);
  });

  it('backs off by the Retry-After of a 429, else by the RateLimit-Reset time', async () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const ctx = context('https://bsky.app/', { storage: signedIn(), now });
    ctx.apis.fail('bluesky', { status: 429, headers: { 'retry-after': '90' } });
    await expect(bluesky.read(ctx)).rejects.toEqual(new RateLimited(90));
    ctx.apis.fail('bluesky', {
      status: 429,
      headers: { 'ratelimit-reset': String(now.getTime() / 1000 + 600) },
    });
    await expect(bluesky.read(ctx)).rejects.toEqual(new RateLimited(600));
  });

  it('links a post URI to its address in the web app', () => {
    expect(postUrl('at://did:plc:abc/app.bsky.feed.post/3k2', 'dana.bsky.social')).toBe(
      'https://bsky.app/profile/dana.bsky.social/post/3k2',
    );
    expect(postUrl('at://did:plc:abc/app.bsky.graph.follow/3k2', 'dana')).toBeUndefined();
  });
});
