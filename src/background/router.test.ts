import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers, type Sender } from './router.ts';

const OWN_ID = 'gdgmjmajfgjfjimfpgmgfjfppanodldc';
const ORIGIN = `chrome-extension://${OWN_ID}/`;
const page: Sender = { id: OWN_ID, url: `${ORIGIN}src/popup/index.html` };
const content: Sender = { id: OWN_ID, url: 'https://x.com/home', tab: { id: 7 } };
const score = { type: 'score', draftId: 'd1', platform: 'x', kind: 'post', text: 'hello' };
const result = { score: 80, band: 'good', nudges: [], notes: [], truncated: false };
const engagement = {
  asOf: '2026-11-02T09:00:00.000Z',
  waiting: [],
  total: 0,
  weekly: [],
  promoShare: null,
  recentPosts: 0,
  daysActive: 0,
  longestGapDays: 0,
  watchedDays: 0,
};

const reminder = { task: null, snoozedUntil: null, lastShown: null, lastCheck: null };

function setup() {
  const handlers = {
    score: vi.fn<Handlers['score']>(async () => ({ ok: true as const, result })),
    published: vi.fn<Handlers['published']>(async () => ({ ok: true as const })),
    'comments-seen': vi.fn<Handlers['comments-seen']>(async () => ({ ok: true as const })),
    'get-current': vi.fn<Handlers['get-current']>(async () => ({ ok: true as const, current: null })),
    'get-instances': vi.fn<Handlers['get-instances']>(async () => ({ ok: true as const, instances: [] })),
    'apply-instances': vi.fn<Handlers['apply-instances']>(async () => ({ ok: true as const, instances: [] })),
    'export-ledger': vi.fn<Handlers['export-ledger']>(async () => ({ ok: true as const, json: '{}' })),
    'delete-ledger': vi.fn<Handlers['delete-ledger']>(async () => ({ ok: true as const })),
    'get-engagement': vi.fn<Handlers['get-engagement']>(async () => ({ ok: true as const, engagement })),
    'no-reply-needed': vi.fn<Handlers['no-reply-needed']>(async () => ({ ok: true as const })),
    'load-card': vi.fn<Handlers['load-card']>(async () => ({ ok: true as const })),
    feedback: vi.fn<Handlers['feedback']>(async () => ({ ok: true as const })),
    'get-feedback': vi.fn<Handlers['get-feedback']>(async () => ({ ok: true as const, feedback: {} })),
    'get-reminder': vi.fn<Handlers['get-reminder']>(async () => ({ ok: true as const, reminder })),
    'reminder-snooze': vi.fn<Handlers['reminder-snooze']>(async () => ({ ok: true as const, reminder })),
    'reminder-open': vi.fn<Handlers['reminder-open']>(async () => ({ ok: true as const, reminder })),
    'get-pack': vi.fn<Handlers['get-pack']>(async () => ({
      ok: true as const,
      pack: { source: 'default' as const, name: 'p', version: '1', status: 'ok' as const },
    })),
    'get-settings': vi.fn<Handlers['get-settings']>(async () => ({
      ok: true as const,
      settings: {},
      repairs: [],
    })),
    'update-settings': vi.fn<Handlers['update-settings']>(async () => ({
      ok: true as const,
      settings: {},
      repairs: [],
    })),
    'get-policy': vi.fn<Handlers['get-policy']>(async () => ({
      ok: true as const,
      locked: [],
      problems: [],
    })),
  };
  return { handlers, route: createRouter({ ownId: OWN_ID, extensionOrigin: ORIGIN, handlers }) };
}

describe('router', () => {
  it('passes a valid content-script request to its handler, parsed', async () => {
    const { handlers, route } = setup();
    expect(await route({ ...score, extra: 'dropped' }, content)).toEqual({ ok: true, result });
    expect(handlers.score).toHaveBeenCalledWith(score, content);
  });

  it('refuses messages from another extension', async () => {
    const { handlers, route } = setup();
    const reply = await route(score, { ...content, id: 'someone-else' });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('not this extension') });
    expect(handlers.score).not.toHaveBeenCalled();
  });

  it('refuses extension-page-only requests from web pages, with or without a url', async () => {
    const { handlers, route } = setup();
    const ask = { type: 'get-current', tabId: 3 };
    expect(await route(ask, content)).toMatchObject({
      ok: false,
      error: expect.stringContaining('web page'),
    });
    expect(await route(ask, { id: OWN_ID })).toMatchObject({ ok: false });
    // A page on another origin that merely contains our origin in its path is still a web page.
    expect(await route(ask, { id: OWN_ID, url: `https://evil.example/${ORIGIN}` })).toMatchObject({
      ok: false,
    });
    expect(handlers['get-current']).not.toHaveBeenCalled();
    expect(await route(ask, page)).toEqual({ ok: true, current: null });
    expect(handlers['get-current']).toHaveBeenCalledTimes(1);
  });

  it('takes the instance messages from extension pages only', async () => {
    const { handlers, route } = setup();
    for (const type of ['get-instances', 'apply-instances'] as const) {
      expect(await route({ type }, content)).toMatchObject({
        ok: false,
        error: expect.stringContaining('web page'),
      });
      expect(handlers[type]).not.toHaveBeenCalled();
      expect(await route({ type }, page)).toEqual({ ok: true, instances: [] });
      expect(handlers[type]).toHaveBeenCalledTimes(1);
    }
  });

  it('exports and deletes the ledger for extension pages only', async () => {
    const { handlers, route } = setup();
    for (const type of ['export-ledger', 'delete-ledger'] as const) {
      for (const sender of [content, { id: OWN_ID }]) {
        expect(await route({ type }, sender)).toMatchObject({
          ok: false,
          error: expect.stringContaining('web page'),
        });
      }
      expect(handlers[type]).not.toHaveBeenCalled();
    }
    expect(await route({ type: 'export-ledger' }, page)).toEqual({ ok: true, json: '{}' });
    expect(await route({ type: 'delete-ledger' }, page)).toEqual({ ok: true });
    expect(handlers['delete-ledger']).toHaveBeenCalledTimes(1);
  });

  it('takes the engagement messages from extension pages only, parsed', async () => {
    const { handlers, route } = setup();
    const close = { type: 'no-reply-needed', platform: 'linkedin', to: 'urn:li:comment:1' };
    for (const message of [{ type: 'get-engagement' }, close]) {
      expect(await route(message, content)).toMatchObject({
        ok: false,
        error: expect.stringContaining('web page'),
      });
    }
    expect(handlers['get-engagement']).not.toHaveBeenCalled();
    expect(handlers['no-reply-needed']).not.toHaveBeenCalled();
    expect(await route({ type: 'get-engagement' }, page)).toEqual({ ok: true, engagement });
    expect(await route(close, page)).toEqual({ ok: true });
    expect(handlers['no-reply-needed']).toHaveBeenCalledWith(close, page);
    for (const bad of [
      { ...close, to: '' },
      { ...close, to: 'x'.repeat(2049) },
      { ...close, platform: 'myspace' },
      { type: 'no-reply-needed', platform: 'x' },
    ]) {
      expect(await route(bad, page)).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    }
    expect(handlers['no-reply-needed']).toHaveBeenCalledTimes(1);
  });

  it('takes the card messages from content scripts, and gives the feedback counts to extension pages only', async () => {
    const { handlers, route } = setup();
    expect(await route({ type: 'load-card' }, content)).toEqual({ ok: true });
    expect(handlers['load-card']).toHaveBeenCalledWith({ type: 'load-card' }, content);
    const notHelpful = { type: 'feedback', nudgeId: 'pure-promotion', verdict: 'not-helpful' };
    expect(await route(notHelpful, content)).toEqual({ ok: true });
    expect(handlers.feedback).toHaveBeenCalledWith(notHelpful, content);
    expect(await route({ type: 'get-feedback' }, content)).toMatchObject({
      ok: false,
      error: expect.stringContaining('web page'),
    });
    expect(handlers['get-feedback']).not.toHaveBeenCalled();
    expect(await route({ type: 'get-feedback' }, page)).toEqual({ ok: true, feedback: {} });
  });

  it('gives the active pack to extension pages only', async () => {
    const { handlers, route } = setup();
    expect(await route({ type: 'get-pack' }, content)).toMatchObject({
      ok: false,
      error: expect.stringContaining('web page'),
    });
    expect(handlers['get-pack']).not.toHaveBeenCalled();
    expect(await route({ type: 'get-pack' }, page)).toMatchObject({ ok: true, pack: { name: 'p' } });
  });

  it('refuses feedback that is not about one nudge id', async () => {
    const { handlers, route } = setup();
    for (const bad of [
      { type: 'feedback', nudgeId: 'pure-promotion' },
      { type: 'feedback', nudgeId: 'pure-promotion', verdict: 'helpful' },
      { type: 'feedback', nudgeId: '<img src=x>', verdict: 'not-helpful' },
      { type: 'feedback', nudgeId: 'x'.repeat(65), verdict: 'not-helpful' },
      { type: 'feedback', nudgeId: '', verdict: 'not-helpful' },
      { type: 'feedback', nudgeId: 'pure-promotion', verdict: 'not-helpful', undo: 'yes' },
    ]) {
      expect(await route(bad, content)).toMatchObject({ ok: false, error: expect.stringMatching(/invalid/) });
    }
    expect(handlers.feedback).not.toHaveBeenCalled();
  });

  it('takes comments-seen from a content script, parsed, and refuses one beyond its caps', async () => {
    const { handlers, route } = setup();
    const seen = {
      type: 'comments-seen',
      platform: 'mastodon',
      exact: true,
      items: [{ id: '1', at: '2026-11-20T10:00:00Z', text: 'Which dataset?' }],
      answered: ['1'],
    };
    expect(await route(seen, content)).toEqual({ ok: true });
    expect(handlers['comments-seen']).toHaveBeenCalledWith(seen, content);
    const long = { ...seen, items: [{ id: '1', at: '2026-11-20T10:00:00Z', text: 'x'.repeat(281) }] };
    expect(await route(long, content)).toMatchObject({ ok: false, error: expect.stringContaining('text') });
    expect(handlers['comments-seen']).toHaveBeenCalledTimes(1);
  });

  it('refuses malformed messages and names what is wrong', async () => {
    const { handlers, route } = setup();
    const bad = [
      null,
      'score',
      { text: 'no type' },
      { type: 'unknown-type' },
      { ...score, text: 42 },
      { ...score, platform: 'myspace' },
      { ...score, text: 'x'.repeat(1_000_001) },
      { type: 'published', platform: 'x', kind: 'post', at: 'yesterday', text: 'hi' },
    ];
    for (const message of bad) {
      const reply = await route(message, page);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    }
    const typed = await route({ ...score, text: 42 }, page);
    expect(typed).toMatchObject({ error: expect.stringContaining('text') });
    expect(handlers.score).not.toHaveBeenCalled();
    expect(handlers.published).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error reply instead of a rejected promise', async () => {
    const { handlers, route } = setup();
    handlers.score.mockRejectedValueOnce(new Error('pack exploded'));
    expect(await route(score, content)).toEqual({ ok: false, error: 'internal error: pack exploded' });
  });

  it('takes the reminder messages from extension pages only, parsed', async () => {
    const { handlers, route } = setup();
    const snooze = { type: 'reminder-snooze', until: '2026-12-02T00:00:00.000Z' };
    for (const message of [{ type: 'get-reminder' }, snooze, { type: 'reminder-open' }]) {
      expect(await route(message, content)).toMatchObject({
        ok: false,
        error: expect.stringContaining('web page'),
      });
    }
    expect(handlers['reminder-snooze']).not.toHaveBeenCalled();
    expect(handlers['reminder-open']).not.toHaveBeenCalled();
    expect(await route({ type: 'reminder-open', url: 'https://evil.example/' }, page)).toEqual({
      ok: true,
      reminder,
    });
    expect(handlers['reminder-open']).toHaveBeenCalledWith({ type: 'reminder-open' }, page);
    expect(await route({ type: 'get-reminder' }, page)).toEqual({ ok: true, reminder });
    expect(await route(snooze, page)).toEqual({ ok: true, reminder });
    expect(await route({ type: 'reminder-snooze', until: null }, page)).toEqual({ ok: true, reminder });
    for (const bad of [{ type: 'reminder-snooze', until: 'tomorrow' }, { type: 'reminder-snooze' }]) {
      expect(await route(bad, page)).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    }
    expect(handlers['reminder-snooze']).toHaveBeenCalledTimes(2);
  });
});
