/**
 * The options page with the built extension, in Chromium and Firefox: the role and the reminder
 * hour chosen on the page are in storage.local and on the page after it loads again, beside the
 * rule pack the worker names; a retention typed out of range is refused inline, a valid one reaches
 * the worker's export; a corrupt
 * stored value shows repaired while the others survive; turning X off on the page removes the
 * indicator on x.com at once, the next draft there is neither scored nor recorded, and turning X
 * back on coaches and records again; goals, weekdays and quiet hours ticked quickly one after
 * another all land, the worker's reminder alarm follows the hour, and "Cancel snooze" ends a snooze.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OPTIONS_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { PROMO, hasNudge, playwrightTab, puppeteerTab, ready, settledScored, type Tab } from './tab.ts';
import { eventually } from './wait.ts';

const EDITOR = '[data-testid="tweetTextarea_0"]';
const builtInPack = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../public/default-pack.json', import.meta.url)), 'utf8'),
) as { name: string; version: string };

interface Harness {
  options(): Promise<Tab>;
  /** A network page served by the fixture server at its real host name. */
  open(host: string, path: string): Promise<Tab>;
}

type Api = {
  storage: {
    local: {
      get(k: string | null): Promise<Record<string, unknown>>;
      set(v: Record<string, unknown>): Promise<void>;
    };
    session: { get(k: null): Promise<Record<string, unknown>> };
  };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

// ---- evaluated in the options page (self-contained) ----

function loaded(): boolean {
  return (
    document.querySelector('[name="role"]') !== null && document.querySelector('[data-pack-name]') !== null
  );
}

async function storedSettings(): Promise<Record<string, unknown> & { reminder: Record<string, unknown> }> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (await (g.browser ?? g.chrome)!.storage.local.get('settings'))['settings'] as never;
}

/** Writes settings behind the page's back, as an older or damaged build might have left them. */
async function writeSettings(settings: unknown): Promise<void> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  await (g.browser ?? g.chrome)!.storage.local.set({ settings });
}

/** The worker's per-tab record of scored drafts (storage.session), as JSON. */
async function scoredDrafts(): Promise<string> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const all = await (g.browser ?? g.chrome)!.storage.session.get(null);
  return JSON.stringify(Object.entries(all).filter(([key]) => key.startsWith('current:')));
}

async function ledgerTexts(): Promise<string[]> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const reply = (await (g.browser ?? g.chrome)!.runtime.sendMessage({ type: 'export-ledger' })) as {
    ok: boolean;
    json?: string;
  };
  if (!reply.ok || !reply.json) throw new Error('export-ledger refused');
  return (JSON.parse(reply.json) as { events: { text?: string }[] }).events.map((e) => e.text ?? '');
}

async function publishOnX(text: string): Promise<unknown> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (g.browser ?? g.chrome)!.runtime.sendMessage({
    type: 'published',
    platform: 'x',
    kind: 'post',
    at: new Date().toISOString(),
    text,
  });
}

/** Chooses an option of a select as the keyboard or the mouse would: the value, then `change`. */
function choose({ name, value }: { name: string; value: string }): void {
  const select = document.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function saidSaved(text: string): boolean {
  return document.querySelector('[aria-live="polite"]')?.textContent === text;
}

function checked(id: string): boolean {
  return document.querySelector<HTMLInputElement>(`#${id}`)?.checked === true;
}

function fieldValue(name: string): string | null {
  return document.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? null;
}

/** The field is marked invalid and the message it points to says `text`. */
function invalidSaying({ name, text }: { name: string; text: string }): boolean {
  const field = document.querySelector(`[name="${name}"]`);
  if (field?.getAttribute('aria-invalid') !== 'true') return false;
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.some((id) => document.getElementById(id)?.textContent?.includes(text) === true);
}

/** The retention the worker puts in an export: the settings as the worker keeps them. */
async function exportedRetentionIs(days: number): Promise<boolean> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const reply = (await (g.browser ?? g.chrome)!.runtime.sendMessage({ type: 'export-ledger' })) as {
    json?: string;
  };
  return (JSON.parse(reply.json ?? '{}') as { retentionDays?: number }).retentionDays === days;
}

function packShown(): Record<string, string | undefined> {
  const el = document.querySelector<HTMLElement>('[data-pack-source]');
  return {
    source: el?.dataset.packSource,
    name: el?.dataset.packName,
    version: el?.dataset.packVersion,
    status: el?.dataset.packStatus,
  };
}

/** Ticks or unticks a checkbox as a click would, whatever its state now. */
function setChecked({ id, on }: { id: string; on: boolean }): void {
  const box = document.querySelector<HTMLInputElement>(`#${id}`)!;
  if (box.checked !== on) box.click();
}

/** Types a time into a time field the way the page commits it: the value, then `change`. */
function setTime({ name, value }: { name: string; value: string }): void {
  const input = document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The local hour of the reminder's hour alarm, or null when there is none. */
async function hourAlarmAt(): Promise<number | null> {
  const g = globalThis as unknown as {
    browser?: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } };
    chrome?: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } };
  };
  const alarm = await (g.browser ?? g.chrome)!.alarms.get('rapport-reminder-hour');
  return alarm ? new Date(alarm.scheduledTime).getHours() : null;
}

async function snooze(until: string | null): Promise<unknown> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (g.browser ?? g.chrome)!.runtime.sendMessage({ type: 'reminder-snooze', until });
}

function snoozedShown(): string | null {
  return document.querySelector<HTMLElement>('.snooze')?.dataset.snoozed ?? null;
}

// ---- evaluated in the x.com page ----

function noIndicator(): boolean {
  return document.querySelector('rapport-indicator') === null;
}

function publishedCount(n: number): boolean {
  return document.querySelectorAll('#fixture-published li').length === n;
}

function editorText(text: string): boolean {
  return (window as unknown as { __fixture: { read(b: string): string } }).__fixture.read('post') === text;
}

function suite(h: () => Harness) {
  async function openOptions(): Promise<Tab> {
    const tab = await h().options();
    await tab.waitFor(loaded, null);
    return tab;
  }

  it('keeps the role and the hour chosen on the page, in storage and after the page loads again', async () => {
    const options = await openOptions();
    expect(await options.eval(checked, 'role-employee')).toBe(true);
    await options.click('#role-executive');
    await options.waitFor(saidSaved, 'Saved: role executive.');
    await options.eval(choose, { name: 'reminder.hour', value: '17' });
    await options.waitFor(saidSaved, 'Saved: reminder at 17:00.');
    // A typed value is checked as it is typed, and only a valid one is saved; the worker follows.
    await options.click('[name="retentionDays"]');
    await options.press('Control+a');
    await options.type('3');
    await options.press('Tab');
    await options.waitFor(invalidSaying, { name: 'retentionDays', text: 'from 7 to 365' });
    expect((await options.eval(storedSettings, null)).retentionDays).toBe(90);
    await options.click('[name="retentionDays"]');
    await options.press('Control+a');
    await options.type('30');
    await options.press('Tab');
    await options.waitFor(saidSaved, 'Saved: keep for 30 days.');
    // storage.onChanged reaches the worker on its own schedule: wait for it rather than race it.
    await eventually(async () => await options.eval(exportedRetentionIs, 30));
    await options.close();

    const again = await openOptions();
    expect(await again.eval(checked, 'role-executive')).toBe(true);
    expect(await again.eval(fieldValue, 'reminder.hour')).toBe('17');
    // The rule pack the worker answers with: the built-in one, as the file in public/ names it.
    expect(await again.eval(packShown, null)).toEqual({
      source: 'default',
      name: builtInPack.name,
      version: builtInPack.version,
      status: 'ok',
    });
    const stored = await again.eval(storedSettings, null);
    expect(stored.role).toBe('executive');
    expect(stored.reminder).toMatchObject({ enabled: true, hour: 17 });
    expect(again.errors).toEqual([]);
    await again.close();
  });

  it('shows a corrupt stored value repaired while the other values survive', async () => {
    const options = await openOptions();
    const stored = await options.eval(storedSettings, null);
    await options.eval(writeSettings, {
      ...stored,
      retentionDays: 'forever',
      reminder: { ...stored.reminder, weekdays: 'weekends' },
    });
    await options.close();

    const again = await openOptions();
    expect(await again.eval(fieldValue, 'retentionDays')).toBe('90');
    expect(await again.eval(checked, 'weekday-1')).toBe(true); // Monday–Friday, the default
    expect(await again.eval(checked, 'weekday-0')).toBe(false);
    expect(await again.eval(checked, 'role-executive')).toBe(true);
    expect(await again.eval(fieldValue, 'reminder.hour')).toBe('17');
    expect(
      await again.eval(() => document.querySelector('[data-repaired]')?.getAttribute('data-repaired'), null),
    ).toBe('reminder.weekdays retentionDays');
    await again.close();
  });

  it('keeps goals, weekdays and quiet hours chosen on the page; the reminder alarm follows the hour; a snooze can be cancelled', async () => {
    const options = await openOptions();
    // The reminder is on (the role chosen above is executive), so the worker keeps its alarms.
    await options.eval(setChecked, { id: 'reminder-enabled', on: true });
    await options.eval(setChecked, { id: 'goal-answers', on: true });
    await options.eval(setChecked, { id: 'goal-expertise', on: true });
    await options.eval(setChecked, { id: 'weekday-6', on: true });
    await options.eval(setChecked, { id: 'weekday-1', on: false });
    await options.eval(setTime, { name: 'quietHours.start', value: '21:30' });
    await options.eval(choose, { name: 'reminder.hour', value: '6' });
    await eventually(async () => {
      const s = await options.eval(storedSettings, null);
      return (
        JSON.stringify(s.goals) === '["answers","expertise"]' &&
        JSON.stringify(s.reminder.weekdays) === '[2,3,4,5,6]' &&
        (s.quietHours as { start?: string }).start === '21:30' &&
        s.reminder.hour === 6
      );
    });
    // The worker re-made the hour alarm for 06:00 local time.
    await eventually(async () => (await options.eval(hourAlarmAt, null)) === 6);

    // A snooze set elsewhere (the notification's button) shows here, and "Cancel snooze" ends it.
    const until = new Date(Date.now() + 3 * 3_600_000).toISOString();
    expect(await options.eval(snooze, until)).toMatchObject({ ok: true });
    await options.waitFor(
      (iso: string) => document.querySelector<HTMLElement>('.snooze')?.dataset.snoozed === iso,
      until,
    );
    await options.click('.snooze button');
    await options.waitFor(
      () => document.querySelector<HTMLElement>('.snooze')?.dataset.snoozed === undefined,
      null,
    );
    await options.close();

    const again = await openOptions();
    expect(await again.eval(checked, 'goal-answers')).toBe(true);
    expect(await again.eval(checked, 'goal-conversations')).toBe(false);
    expect(await again.eval(checked, 'weekday-6')).toBe(true);
    expect(await again.eval(checked, 'weekday-1')).toBe(false);
    expect(await again.eval(fieldValue, 'quietHours.start')).toBe('21:30');
    expect(await again.eval(snoozedShown, null)).toBeNull();
    expect(again.errors).toEqual([]);
    await again.close();
  });

  it('turning X off removes the indicator on x.com, and its next draft is neither scored nor recorded; on again, it is', async () => {
    const options = await openOptions();
    const x = await h().open('x.com', '/home');
    await x.waitFor(ready, null);
    await x.click(EDITOR);
    await x.type(PROMO);
    await x.waitFor(hasNudge, 'pure-promotion');

    await options.click('#site-x');
    await options.waitFor(saidSaved, 'Saved: X off.');
    expect((await options.eval(storedSettings, null)).sites).toMatchObject({ x: false, linkedin: true });
    await x.waitFor(noIndicator, null);
    const scoredBefore = await options.eval(scoredDrafts, null);

    // A new draft, published by the page, while X is off.
    const offText = `Off the record ${Date.now()}: we moved our CI to ARM runners. What changed for you?`;
    await x.click(EDITOR);
    await x.press('Control+a');
    await x.press('Backspace');
    await x.type(offText);
    await x.waitFor(editorText, offText);
    await x.press('Control+Enter');
    await x.waitFor(publishedCount, 1);
    expect(await x.eval(noIndicator, null)).toBe(true);
    expect(await options.eval(scoredDrafts, null)).toBe(scoredBefore);
    // The worker refuses X too, whoever asks (a page that has not caught up, an old content script).
    expect(await options.eval(publishOnX, offText)).toEqual({
      ok: false,
      error: 'refused: Rapport is turned off on x',
    });

    await options.click('#site-x');
    await options.waitFor(saidSaved, 'Saved: X on.');
    const onText = `On the record ${Date.now()}: our builds got 30% faster on ARM. Did yours?`;
    await x.click(EDITOR);
    // The fixture empties Draft.js after a publish and its caret lands before the first letter typed.
    await x.type(onText.slice(0, 1));
    await x.press('End');
    await x.type(onText.slice(1));
    await x.waitFor(editorText, onText);
    await x.waitFor(settledScored, null);
    expect(await options.eval(scoredDrafts, null)).not.toBe(scoredBefore);
    await x.press('Control+Enter');
    await x.waitFor(publishedCount, 2);
    // One port, in order: once the later publish is in the ledger, the earlier one would be too.
    let texts: string[] = [];
    await eventually(async () => (texts = await options.eval(ledgerTexts, null)).includes(onText));
    expect(texts).toContain(onText);
    expect(texts).not.toContain(offText);
    expect(x.errors).toEqual([]);
    await x.close();
    await options.close();
  });
}

describe('options page in Chromium', () => {
  let server: FixtureServer;
  let session: ChromiumSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium({ hostPort: server.port, hosts: server.hosts });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  suite(() => ({
    options: async () => playwrightTab(await session.extensionPage(OPTIONS_PATH)),
    async open(host, path) {
      const tab = playwrightTab(await session.page());
      await tab.goto(server.url(host, path));
      return tab;
    },
  }));
});

describe('options page in Firefox', () => {
  let server: FixtureServer;
  let session: FirefoxSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  suite(() => ({
    options: async () => puppeteerTab(await session.extensionPage(OPTIONS_PATH)),
    async open(host, path) {
      const tab = puppeteerTab(await session.page());
      await tab.goto(server.portUrl(host, path));
      return tab;
    },
  }));
});
