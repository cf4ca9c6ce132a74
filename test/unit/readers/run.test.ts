// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mastodon } from '../../../src/content/readers/mastodon.ts';
import { NoSession, RateLimited, Refused, type Reader } from '../../../src/content/readers/reader.ts';
import { readAndReport } from '../../../src/content/readers/run.ts';
import { CommentsSeenRequest } from '../../../src/shared/messages.ts';
import { MASTODON_EXPECTED, MASTODON_INITIAL_STATE, MASTODON_TOKEN } from '../../fixtures/apis/mastodon.ts';
import { context } from './context.ts';

const failing = (error: Error): Reader => ({ platform: 'reddit', read: () => Promise.reject(error) });

afterEach(() => vi.restoreAllMocks());

describe('readAndReport', () => {
  it('sends what the reader saw as comments-seen, which the worker accepts, with no token in it', async () => {
    const doc = document.implementation.createHTMLDocument('m');
    doc.head.innerHTML = `<script id="initial-state" type="application/json">${JSON.stringify(MASTODON_INITIAL_STATE)}</script>`;
    const send = vi.fn(async () => ({ ok: true }));
    const message = await readAndReport(mastodon, context('https://mastodon.social/home', { doc }), send);
    expect(send).toHaveBeenCalledOnce();
    expect(CommentsSeenRequest.safeParse(message).success).toBe(true);
    expect(message).toMatchObject({ type: 'comments-seen', platform: 'mastodon', exact: true });
    expect(message?.items).toHaveLength(MASTODON_EXPECTED.items.length);
    expect(JSON.stringify(send.mock.calls)).not.toContain(MASTODON_TOKEN);
  });

  it('a 429 sends no items and the wait the network asked for', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    const message = await readAndReport(
      failing(new RateLimited(90)),
      context('https://www.reddit.com/'),
      send,
    );
    expect(message).toEqual({
      type: 'comments-seen',
      platform: 'reddit',
      exact: true,
      items: [],
      answered: [],
      retryAfter: 90,
    });
  });

  it('a refusal is named in the console and sends nothing; so is any other failure', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const send = vi.fn(async () => ({ ok: true }));
    expect(
      await readAndReport(
        failing(new Refused('Reddit inbox: ✖ expected string')),
        context('https://x.test/'),
        send,
      ),
    ).toBeNull();
    expect(warn).toHaveBeenCalledWith('Rapport: comments not read. Reddit inbox: ✖ expected string');
    // A failure of unknown shape may carry anything (a URL, a header): only the network is named.
    await readAndReport(
      failing(new Error(`fetch failed: Bearer ${MASTODON_TOKEN}`)),
      context('https://x.test/'),
      send,
    );
    expect(warn).toHaveBeenLastCalledWith('Rapport: comments not read. reddit: the read failed');
    expect(send).not.toHaveBeenCalled();
  });

  it('signed out: nothing sent, nothing said', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const send = vi.fn(async () => ({ ok: true }));
    expect(await readAndReport(failing(new NoSession('x')), context('https://x.test/'), send)).toBeNull();
    expect(send).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});
