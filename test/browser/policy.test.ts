/**
 * The admin's managed policy with the built extension, set the way an admin sets it: a real
 * Chromium policy file (/etc/chromium/policies/managed) and Firefox's policies.json (its
 * distribution folder), each in a private mount namespace, and Firefox's managed-storage manifest. On a new install: the role is the policy's defaultRole and the reminder
 * the admin's schedule (the worker's alarm at that hour); locked settings are read-only on the
 * options page and the worker refuses writes to them, even ones made behind its back; a disabled
 * site is shown locked off, never coached and refused by the worker; a broken value is ignored and
 * named on the options page. In Chromium, a policy edit reaches the running browser: lifting
 * disabledSites coaches x.com again, and a broken lockedSettings keeps its last good value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OPTIONS_PATH,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './launch.ts';
import {
  chromiumPolicy,
  firefoxPolicy,
  firefoxPoliciesJson,
  type ChromiumPolicy,
  type FirefoxPolicy,
  type FirefoxPoliciesJson,
} from './policy-files.ts';
import { startFixtureServer, type FixtureServer } from './server.ts';
import { PROMO, hasNudge, playwrightTab, puppeteerTab, ready, type Tab } from './tab.ts';
import { eventually } from './wait.ts';

const EDITOR = '[data-testid="tweetTextarea_0"]';

const POLICY = {
  defaultRole: 'executive',
  disabledSites: ['x'],
  lockedSettings: ['role', 'reminder'],
  reminder: { enabled: true, hour: 7, weekdays: [1, 3, 5] },
  // Passes Chromium's managed schema (an array of strings) but is not base64: ignored and named.
  rulePackPublicKeys: ['not base64!'],
};

interface Harness {
  options(): Promise<Tab>;
  open(host: string, path: string): Promise<Tab>;
}

type Api = {
  storage: {
    local: {
      get(k: string): Promise<Record<string, unknown>>;
      set(v: Record<string, unknown>): Promise<void>;
    };
  };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

// ---- evaluated in the options page (self-contained) ----

function loaded(): boolean {
  return document.querySelector('[name="role"]') !== null;
}

function ask(message: unknown): Promise<unknown> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (g.browser ?? g.chrome)!.runtime.sendMessage(message);
}

async function storedSettings(): Promise<Record<string, unknown> | undefined> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (await (g.browser ?? g.chrome)!.storage.local.get('settings'))['settings'] as never;
}

/** Writes settings straight to storage.local, as any extension page could, bypassing the worker. */
async function writeSettings(settings: unknown): Promise<void> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  await (g.browser ?? g.chrome)!.storage.local.set({ settings });
}

/** Local hour of the worker's daily reminder alarm, or null when there is none. */
async function reminderAlarmHour(): Promise<number | null> {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const alarm = await (g.browser ?? g.chrome)!.alarms.get('rapport-reminder-hour');
  return alarm ? new Date(alarm.scheduledTime).getHours() : null;
}

function control(name: string): { checked: boolean; disabled: boolean; value: string } | null {
  const el = document.querySelector<HTMLInputElement>(`[name="${name}"]`);
  return el ? { checked: el.checked, disabled: el.disabled, value: el.value } : null;
}

function byId(id: string): { checked: boolean; disabled: boolean } | null {
  const el = document.querySelector<HTMLInputElement>(`#${id}`);
  return el ? { checked: el.checked, disabled: el.disabled } : null;
}

function lockedControl(id: string): boolean {
  return document.querySelector<HTMLInputElement>(`#${id}`)?.disabled === true;
}

function text(selector: string): string | null {
  return document.querySelector(selector)?.textContent ?? null;
}

function problemKeys(): string[] {
  return [...document.querySelectorAll('[data-policy-problem]')].map((li) =>
    li.getAttribute('data-policy-problem')!,
  );
}

function hasProblemList(): boolean {
  return document.querySelector('[data-policy-problem]') !== null;
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

// ---- evaluated in the x.com page ----

function publishedCount(n: number): boolean {
  return document.querySelectorAll('#fixture-published li').length === n;
}

function noIndicator(): boolean {
  return document.querySelector('rapport-indicator') === null;
}

const LOCKED = 'set by your organisation';

function suite(h: () => Harness) {
  async function openOptions(): Promise<Tab> {
    const tab = await h().options();
    await tab.waitFor(loaded, null);
    return tab;
  }

  it("a new install takes the admin's role and reminder; locked controls are read-only and writes to them refused", async () => {
    // Chromium loads policy a second or two after it starts; the worker reads it again until then.
    const first = await openOptions();
    await eventually(
      async () => JSON.stringify(await first.eval(ask, { type: 'get-policy' })).includes('"role"'),
      20_000,
    );
    // The page open meanwhile follows the policy as it arrives.
    await first.waitFor(lockedControl, 'role-executive');
    await first.close();
    const options = await openOptions();
    await options.waitFor(lockedControl, 'role-executive'); // the locks come in their own answer
    expect(await options.eval(byId, 'role-executive')).toEqual({ checked: true, disabled: true });
    expect(await options.eval(byId, 'role-employee')).toEqual({ checked: false, disabled: true });
    expect(await options.eval(text, '#locked-role')).toBe(LOCKED);
    expect(await options.eval(control, 'reminder.hour')).toMatchObject({ value: '7', disabled: true });
    expect(await options.eval(control, 'reminder.enabled')).toMatchObject({ checked: true, disabled: true });
    for (const [day, on] of [
      [1, true],
      [2, false],
      [3, true],
      [5, true],
    ] as const) {
      expect(await options.eval(byId, `weekday-${day}`)).toEqual({ checked: on, disabled: true });
    }
    expect(await options.eval(text, '#locked-reminder-hour')).toBe(LOCKED);
    // Not locked: the person's own.
    expect(await options.eval(byId, 'goal-answers')).toMatchObject({ disabled: false });
    // The admin's schedule is what the worker acts on: its daily alarm is at 07:00.
    await eventually(async () => (await options.eval(reminderAlarmHour, null)) === 7);

    // The broken value is ignored and named.
    await options.waitFor(hasProblemList, null);
    expect(await options.eval(problemKeys, null)).toEqual(['rulePackPublicKeys']);

    // The worker refuses a write to a locked key and stores nothing of it…
    expect(await options.eval(ask, { type: 'update-settings', patch: { role: 'employee' } })).toMatchObject({
      ok: true,
      repairs: [{ key: 'role', reason: LOCKED }],
      settings: { role: 'executive' },
    });
    expect((await options.eval(storedSettings, null))?.['role']).not.toBe('employee');
    // …accepts one to a free key…
    expect(await options.eval(ask, { type: 'update-settings', patch: { goals: ['answers'] } })).toMatchObject(
      {
        ok: true,
        repairs: [],
        settings: { goals: ['answers'] },
      },
    );
    // …and a write behind its back (storage.local) unlocks nothing.
    const stored = (await options.eval(storedSettings, null))!;
    await options.eval(writeSettings, {
      ...stored,
      role: 'employee',
      reminder: { enabled: false, hour: 20, weekdays: [0] },
    });
    expect(await options.eval(ask, { type: 'get-settings' })).toMatchObject({
      settings: {
        role: 'executive',
        reminder: { enabled: true, hour: 7, weekdays: [1, 3, 5] },
        goals: ['answers'],
      },
    });
    await eventually(async () => (await options.eval(reminderAlarmHour, null)) === 7);
    expect(options.errors).toEqual([]);
    await options.close();
  });

  it('a site the policy disables is shown locked off, never coached, and refused by the worker', async () => {
    const options = await openOptions();
    await options.waitFor(lockedControl, 'site-x');
    expect(await options.eval(byId, 'site-x')).toEqual({ checked: false, disabled: true });
    expect(await options.eval(text, '#locked-sites-x')).toBe(LOCKED);
    expect(await options.eval(byId, 'site-linkedin')).toEqual({ checked: true, disabled: false });
    // The person turning X on is refused.
    expect(await options.eval(ask, { type: 'update-settings', patch: { sites: { x: true } } })).toMatchObject(
      {
        repairs: [{ key: 'sites.x', reason: LOCKED }],
        settings: { sites: { x: false } },
      },
    );

    const x = await h().open('x.com', '/home');
    await x.waitFor(ready, null);
    await x.click(EDITOR);
    await x.type(PROMO);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await x.eval(noIndicator, null)).toBe(true);
    // The page publishes the draft: nothing is recorded.
    await x.press('Control+Enter');
    await x.waitFor(publishedCount, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await options.eval(ledgerTexts, null)).not.toContain(PROMO);
    const published = (platform: string) => ({
      type: 'published',
      platform,
      kind: 'post',
      at: new Date().toISOString(),
      text: `policy check ${platform} ${Date.now()}`,
    });
    expect(await options.eval(ask, published('x'))).toEqual({
      ok: false,
      error: 'refused: Rapport is turned off on x',
    });
    expect(await options.eval(ask, published('linkedin'))).toEqual({ ok: true });
    await x.close();
    await options.close();
  });
}

describe('managed policy in Chromium (a policy file)', () => {
  let server: FixtureServer;
  let policy: ChromiumPolicy;
  let session: ChromiumSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    policy = await chromiumPolicy(POLICY);
    session = await launchChromium({
      hostPort: server.port,
      hosts: server.hosts,
      executablePath: policy.executablePath,
    });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await policy?.remove();
  });
  const harness = (): Harness => ({
    options: async () => playwrightTab(await session.extensionPage(OPTIONS_PATH)),
    async open(host, path) {
      const tab = playwrightTab(await session.page());
      await tab.goto(server.url(host, path));
      return tab;
    },
  });
  suite(harness);

  it('an edited policy file reaches the running browser: X is coached again; a broken lockedSettings keeps its last good value', async () => {
    const { disabledSites: _, ...rest } = POLICY;
    await policy.write({ ...rest, lockedSettings: ['role', 'reminder', 'no-such-setting'] });
    const options = await openOptionsIn(harness());
    await eventually(
      async () =>
        JSON.stringify(await options.eval(ask, { type: 'get-policy' })).includes('"key":"lockedSettings"'),
      30_000,
    );
    expect(await options.eval(ask, { type: 'get-policy' })).toMatchObject({
      ok: true,
      locked: ['role', 'reminder'],
    });
    await options.close();

    const x = await harness().open('x.com', '/home');
    await x.waitFor(ready, null);
    await x.click(EDITOR);
    await x.type(PROMO);
    await x.waitFor(hasNudge, 'pure-promotion', 15_000);
    await x.close();

    const again = await openOptionsIn(harness());
    await again.waitFor(lockedControl, 'role-executive');
    expect(await again.eval(byId, 'site-x')).toEqual({ checked: true, disabled: false });
    expect(await again.eval(byId, 'role-executive')).toEqual({ checked: true, disabled: true });
    await again.waitFor(hasProblemList, null);
    expect((await again.eval(problemKeys, null)).sort()).toEqual(['lockedSettings', 'rulePackPublicKeys']);
    await again.close();
  });
});

async function openOptionsIn(h: Harness): Promise<Tab> {
  const tab = await h.options();
  await tab.waitFor(loaded, null);
  return tab;
}

describe('managed policy in Firefox (the managed-storage manifest)', () => {
  let server: FixtureServer;
  let policy: FirefoxPolicy;
  let session: FirefoxSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    policy = await firefoxPolicy(POLICY);
    session = await launchFirefox({ env: policy.env });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await policy?.remove();
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

describe('managed policy in Firefox (policies.json in the distribution folder)', () => {
  let server: FixtureServer;
  let policy: FirefoxPoliciesJson;
  let session: FirefoxSession;
  beforeAll(async () => {
    server = await startFixtureServer();
    policy = await firefoxPoliciesJson(POLICY);
    session = await launchFirefox({ executablePath: policy.executablePath });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    await policy?.remove();
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
