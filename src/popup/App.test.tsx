// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentResponse } from '../shared/messages.ts';
import { App } from './App.tsx';
import { createMockConnector, type MockOptions } from './connector-mock.ts';

const nudge = (id: string, severity: 'info' | 'warn') => ({
  id,
  severity,
  title: `Title ${id}`,
  reason: `Because ${id}`,
  suggestion: `Try ${id}`,
  evidence: [{ text: 'x', start: 0, end: 1 }],
});

const withDraft: CurrentResponse = {
  ok: true,
  current: {
    draftId: 'd1',
    platform: 'x',
    kind: 'post',
    at: '2026-11-02T09:00:00Z',
    result: {
      score: 42,
      band: 'weak',
      nudges: [nudge('pure-promotion', 'warn'), nudge('no-invitation', 'info')],
      notes: [],
      truncated: false,
    },
  },
};

async function mount(reply: CurrentResponse, options: MockOptions = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const connector = createMockConnector(reply, options);
  render(<App connector={connector} refreshMs={20} />, root);
  // Effects run after paint: wait until the first reply has replaced the loading state.
  await vi.waitFor(() => expect(root.querySelector('[aria-busy=false]')).not.toBeNull());
  return { root, connector };
}

afterEach(() => {
  // Each app was rendered into its own root: unmount each, so no effect or timer of a finished
  // test runs after the test environment is gone.
  for (const root of [...document.body.children]) render(null, root);
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('popup', () => {
  it('says so when there is no draft', async () => {
    const { root } = await mount({ ok: true, current: null });
    expect(root.textContent).toContain('No draft yet');
    expect(root.querySelector('[data-nudge-id]')).toBeNull();
  });

  it('lists the nudges in order with score and band', async () => {
    const { root } = await mount(withDraft);
    const items = [...root.querySelectorAll<HTMLElement>('[data-nudge-id]')];
    expect(items.map((el) => el.dataset.nudgeId)).toEqual(['pure-promotion', 'no-invitation']);
    expect(items[0]?.textContent).toContain('Because pure-promotion');
    expect(root.querySelector('[data-score]')?.getAttribute('data-score')).toBe('42');
    expect(root.textContent).toContain('weak');
  });

  it('follows the draft while open', async () => {
    const { root, connector } = await mount({ ok: true, current: null });
    connector.reply = withDraft;
    await vi.waitFor(() => expect(root.querySelectorAll('[data-nudge-id]')).toHaveLength(2));
    expect(connector.calls.getCurrent).toBeGreaterThan(1);
  });

  it('shows markup from a draft as text, never as HTML', async () => {
    const hostile = structuredClone(withDraft);
    if (!hostile.ok || !hostile.current) throw new Error('fixture');
    hostile.current.result.nudges[0]!.reason = '<img src=x onerror="alert(1)">';
    const { root } = await mount(hostile);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('reports a worker error', async () => {
    const { root } = await mount({ ok: false, error: 'boom' });
    expect(root.querySelector('[role=alert]')?.textContent).toContain('boom');
  });
});

describe('popup: coach on this site', () => {
  const coachButton = (root: HTMLElement) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Coach on'));

  it('offers another Mastodon instance, and the click asks for exactly that host', async () => {
    const { root, connector } = await mount({ ok: true, current: null }, { host: 'fosstodon.org' });
    await vi.waitFor(() => expect(coachButton(root)?.textContent).toBe('Coach on fosstodon.org'));
    coachButton(root)?.click();
    expect(connector.calls.coachOn).toEqual(['fosstodon.org']);
    await vi.waitFor(() =>
      expect(root.querySelector('[role=status]')?.textContent).toBe('Rapport coaches on fosstodon.org.'),
    );
    expect(coachButton(root)).toBeUndefined();
  });

  it('says so when the browser declines', async () => {
    const { root } = await mount({ ok: true, current: null }, { host: 'hachyderm.io', grant: false });
    await vi.waitFor(() => expect(coachButton(root)).toBeDefined());
    coachButton(root)?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toContain('not allowed on hachyderm.io'),
    );
    expect(coachButton(root)).toBeDefined();
  });

  it('shows an added instance as coached and offers nothing on built-in networks or odd hosts', async () => {
    const coached = await mount(
      { ok: true, current: null },
      { host: 'fosstodon.org', instances: ['fosstodon.org'] },
    );
    await vi.waitFor(() => expect(coached.root.textContent).toContain('Rapport coaches on fosstodon.org.'));
    expect(coachButton(coached.root)).toBeUndefined();
    for (const host of ['mastodon.social', 'www.linkedin.com', '127.0.0.1', 'localhost', null]) {
      const { root, connector } = await mount({ ok: true, current: null }, { host });
      await new Promise((r) => setTimeout(r, 30));
      expect(coachButton(root)).toBeUndefined();
      expect(connector.calls.coachOn).toEqual([]);
    }
  });
});
