// @vitest-environment happy-dom
/**
 * `sites.<id> = false` in the content script: the list of networks turned off follows storage,
 * and the app drops its indicator and stops scoring and recording on such a network at once,
 * and coaches the focused editor again when it is turned back on.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { startApp, type StartedApp } from '../../../src/content/app.ts';
import { createCard } from '../../../src/content/card/card.ts';
import { watchSitesOff } from '../../../src/content/sites-off.ts';
import { fakeStorage } from '../background/fake-storage.ts';
import { mount } from './fakes-dom.ts';
import { fakeWorker } from './fakes.ts';

let app: StartedApp | null = null;
afterEach(() => {
  app?.stop();
  app = null;
  document.body.replaceChildren();
});

const indicator = () => document.querySelector('rapport-indicator');

describe('networks turned off', () => {
  test('are read once, then followed; only a stored false turns one off', async () => {
    const storage = fakeStorage();
    storage.data['settings'] = { sites: { x: false, reddit: 'no', linkedin: true } };
    const seen: string[] = [];
    const stop = watchSitesOff({ local: storage.area, onChanged: storage.onChanged }, (off) =>
      seen.push(off),
    );
    await vi.waitFor(() => expect(seen).toEqual(['x']));
    await storage.area.set({ settings: { sites: { x: false, reddit: false } } });
    await storage.area.set({ settings: { sites: { x: false, reddit: false }, role: 'executive' } });
    await storage.area.set({ settings: { sites: {} } });
    expect(seen).toEqual(['x', 'reddit x', '']);
    stop();
    await storage.area.set({ settings: { sites: { youtube: false } } });
    expect(seen).toEqual(['x', 'reddit x', '']);
  });

  test('a network the admin disabled (the worker’s policy cache) is off whatever the setting says', async () => {
    const storage = fakeStorage();
    storage.data['settings'] = { sites: { x: true, reddit: false } };
    storage.data['managedPolicy'] = { policy: { disabledSites: ['x', 'youtube'] }, problems: [] };
    const seen: string[] = [];
    watchSitesOff({ local: storage.area, onChanged: storage.onChanged }, (off) => seen.push(off));
    await vi.waitFor(() => expect(seen).toEqual(['reddit x youtube']));
    await storage.area.set({ managedPolicy: { policy: {}, problems: [] } });
    await storage.area.set({ settings: { sites: {} } });
    expect(seen).toEqual(['reddit x youtube', 'reddit', '']);
  });

  test('counts as nothing off when storage cannot be read', async () => {
    const seen: string[] = [];
    watchSitesOff(undefined, (off) => seen.push(off));
    await vi.waitFor(() => expect(seen).toEqual(['']));
  });

  test('the indicator goes, drafts are neither scored nor published, and all comes back when on', async () => {
    const worker = fakeWorker();
    let off = '';
    app = startApp({
      doc: document,
      send: (m) => worker.send(m),
      loadCard: async () => createCard,
      where: () => ({ hostname: 'x.com', pathname: '/home' }),
      url: () => 'https://x.com/home',
      debounceMs: 5,
      off: (p) => off.split(' ').includes(p),
    });
    const host = mount('<div><div id="ed" contenteditable="true" role="textbox">Buy now</div></div>');
    const root = host.querySelector<HTMLElement>('#ed')!;
    root.focus();
    await vi.waitFor(() => expect(indicator()?.getAttribute('data-nudges')).toBe('pure-promotion'));

    off = 'x';
    app.refresh();
    expect(indicator()).toBeNull();
    root.textContent = 'Buy now, it is on sale';
    root.blur();
    root.focus();
    root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    host.remove();

    off = '';
    app.refresh();
    const again = mount(
      '<div><div id="ed2" contenteditable="true" role="textbox">Buy now, last chance</div></div>',
    );
    const second = again.querySelector<HTMLElement>('#ed2')!;
    second.focus();
    await vi.waitFor(() => expect(indicator()?.getAttribute('data-nudges')).toBe('pure-promotion'));
    second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    again.remove();
    await vi.waitFor(() => expect(worker.published()).toHaveLength(1));
    expect(worker.published()[0]).toMatchObject({ platform: 'x', text: 'Buy now, last chance' });
    expect(worker.scores().map((s) => s.text)).not.toContain('Buy now, it is on sale');
  });
});
