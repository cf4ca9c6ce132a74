// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PLATFORMS } from '../engine/types.ts';
import { SETTING_KEYS, type Settings } from '../shared/settings.ts';
import { App } from './App.tsx';
import { createMockConnector, type MockOptions } from './connector-mock.ts';
import { createMockInstancesConnector } from './instances-connector-mock.ts';

async function mount(options: MockOptions = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const connector = createMockConnector(options);
  render(<App connector={connector} instances={createMockInstancesConnector()} />, root);
  await vi.waitFor(() => expect(root.querySelector('[name="role"]')).not.toBeNull());
  await vi.waitFor(() => expect(root.querySelector('[data-pack-name]')).not.toBeNull());
  const $ = <T extends Element = HTMLInputElement>(selector: string) => root.querySelector<T>(selector)!;
  const named = <T extends Element = HTMLInputElement>(name: string, value?: string) =>
    $<T>(`[name="${name}"]${value === undefined ? '' : `[value="${value}"]`}`);
  const stored = () => connector.data['settings'] as Settings;
  const status = () => $('[aria-live="polite"]').textContent;
  return { root, connector, $, named, stored, status };
}

/** What a person's edit does to a field: the value, an input event, then change (blur or Enter). */
function edit(field: HTMLInputElement | HTMLSelectElement, value: string, commit = true) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  if (commit) field.dispatchEvent(new Event('change', { bubbles: true }));
}

afterEach(() => {
  render(null, document.body);
  document.body.innerHTML = '';
});

describe('options page', () => {
  it('has every section, each with a heading, and says success is never follower counts', async () => {
    const { root } = await mount();
    const headings = [...root.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'You',
      'Networks',
      'Reminder',
      'Privacy',
      'Rule pack',
      'Nudges you found not helpful',
    ]);
    expect(root.textContent).toContain('never follower counts');
    for (const section of root.querySelectorAll('section[aria-labelledby]')) {
      expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)).not.toBeNull();
    }
  });

  it('names every control after its settings key, and labels each one', async () => {
    const { root } = await mount();
    const controls = [...root.querySelectorAll<HTMLInputElement>('.settings input, .settings select')].filter(
      (c) => c.name !== 'host', // the Mastodon instance field is not a setting
    );
    const names = new Set(controls.map((c) => c.name));
    expect([...names].sort()).toEqual(
      [
        'role',
        'goals',
        ...PLATFORMS.map((p) => `sites.${p}`),
        'reminder.enabled',
        'reminder.hour',
        'reminder.weekdays',
        'quietHours.start',
        'quietHours.end',
        'retentionDays',
      ].sort(),
    );
    for (const name of names) expect(SETTING_KEYS as readonly string[]).toContain(name);
    for (const control of controls) {
      const label = root.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent, control.name).toMatch(/\S/);
    }
    expect(controls.filter((c) => c.name === 'goals').map((c) => c.value)).toEqual([
      'conversations',
      'answers',
      'customers',
      'expertise',
    ]);
    expect(controls.filter((c) => c.name === 'reminder.weekdays')).toHaveLength(7);
    // Radios, checkboxes of one key and the quiet hours sit in fieldsets with a legend.
    for (const name of ['role', 'goals', 'reminder.weekdays', 'quietHours.start', 'sites.x']) {
      const fieldset = root.querySelector(`[name="${name}"]`)!.closest('fieldset');
      expect(fieldset?.querySelector('legend')?.textContent, name).toMatch(/\S/);
    }
  });

  it('shows the stored settings and saves each change at once, saying so politely', async () => {
    const { named, stored, status } = await mount({
      stored: { role: 'employee', goals: ['answers'], reminder: { hour: 8 }, sites: { reddit: false } },
    });
    expect(named('role', 'employee').checked).toBe(true);
    expect(named('goals', 'answers').checked).toBe(true);
    expect(named<HTMLSelectElement>('reminder.hour').value).toBe('8');
    expect(named('sites.reddit').checked).toBe(false);
    expect(named('sites.x').checked).toBe(true);
    expect(named('reminder.enabled').checked).toBe(false);

    named('role', 'executive').click();
    await vi.waitFor(() => expect(stored().role).toBe('executive'));
    expect(status()).toBe('Saved: role executive.');
    // An executive's reminder is on by default; the switch follows the role.
    expect(stored().reminder.enabled).toBe(true);
    await vi.waitFor(() => expect(named('reminder.enabled').checked).toBe(true));

    edit(named<HTMLSelectElement>('reminder.hour'), '17');
    await vi.waitFor(() => expect(stored().reminder.hour).toBe(17));
    expect(status()).toBe('Saved: reminder at 17:00.');

    named('sites.x').click();
    await vi.waitFor(() => expect(stored().sites.x).toBe(false));
    named('goals', 'expertise').click();
    await vi.waitFor(() => expect(stored().goals).toEqual(['answers', 'expertise']));
    named('reminder.weekdays', '1').click();
    await vi.waitFor(() => expect(stored().reminder.weekdays).toEqual([2, 3, 4, 5]));
    named('reminder.weekdays', '0').click();
    await vi.waitFor(() => expect(stored().reminder.weekdays).toEqual([0, 2, 3, 4, 5]));
    edit(named('quietHours.start'), '21:30');
    await vi.waitFor(() => expect(stored().quietHours.start).toBe('21:30'));
    edit(named('retentionDays'), '30');
    await vi.waitFor(() => expect(stored().retentionDays).toBe(30));
    expect(status()).toBe('Saved: keep for 30 days.');
  });

  it('validates inline: a bad value is described, marked invalid and never saved', async () => {
    const { root, named, stored } = await mount({ stored: { retentionDays: 60 } });
    const days = named('retentionDays');
    for (const bad of ['3', '366', '12.5', '']) {
      edit(days, bad);
      await vi.waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('true'));
      const error = root.querySelector(`#${days.id}-error`)!;
      expect(error.textContent).toBe('Enter a whole number of days from 7 to 365.');
      expect(days.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    }
    expect(stored().retentionDays).toBe(60);
    edit(days, '45');
    await vi.waitFor(() => expect(days.getAttribute('aria-invalid')).toBe('false'));
    expect(root.querySelector(`#${days.id}-error`)!.textContent).toBe('');
    await vi.waitFor(() => expect(stored().retentionDays).toBe(45));

    const start = named('quietHours.start');
    edit(start, '');
    await vi.waitFor(() => expect(start.getAttribute('aria-invalid')).toBe('true'));
    expect(root.querySelector(`#${start.id}-error`)!.textContent).toContain('HH:MM');
    expect(stored().quietHours.start).toBe('19:00');
  });

  it('shows repaired values where the stored ones were bad, and keeps the rest', async () => {
    const { root, named } = await mount({
      stored: { role: 'executive', retentionDays: 'forever', reminder: { hour: 99, weekdays: [2] } },
    });
    expect(named('retentionDays').value).toBe('90');
    expect(named<HTMLSelectElement>('reminder.hour').value).toBe('9');
    expect(named('role', 'executive').checked).toBe(true);
    expect(named('reminder.weekdays', '2').checked).toBe(true);
    expect(named('reminder.weekdays', '1').checked).toBe(false);
    expect(root.querySelector('[data-repaired]')?.getAttribute('data-repaired')).toBe(
      'reminder.hour retentionDays',
    );
  });

  it('follows a change made elsewhere', async () => {
    const { connector, named } = await mount();
    await connector.update({ role: 'executive', sites: { youtube: false } });
    await vi.waitFor(() => expect(named('role', 'executive').checked).toBe(true));
    expect(named('sites.youtube').checked).toBe(false);
  });

  it('makes a locked key read-only and says the organisation set it', async () => {
    const { root, named } = await mount({ locked: ['role', 'reminder', 'sites.x', 'retentionDays'] });
    const lockedControls = [
      ...root.querySelectorAll<HTMLInputElement>(
        '[name="role"], [name^="reminder."], [name="sites.x"], [name="retentionDays"]',
      ),
    ];
    expect(lockedControls.length).toBe(2 + 1 + 1 + 7 + 1 + 1);
    for (const control of lockedControls) expect(control.disabled, control.name).toBe(true);
    for (const name of ['sites.linkedin', 'goals', 'quietHours.start'])
      expect(named(name).disabled).toBe(false);
    for (const key of [
      'role',
      'sites.x',
      'reminder.enabled',
      'reminder.hour',
      'reminder.weekdays',
      'retentionDays',
    ]) {
      const note = root.querySelector(`#locked-${key.replace(/\W/g, '-')}`);
      expect(note?.textContent, key).toBe('set by your organisation');
    }
    expect(named('sites.x').getAttribute('aria-describedby')).toBe('locked-sites-x');
    expect(named('retentionDays').getAttribute('aria-describedby')).toContain('locked-retentionDays');
    expect(root.querySelector('#locked-sites-linkedin')).toBeNull();
  });

  it('lists the policy values that could not be used, and nothing when there are none', async () => {
    const { root } = await mount({
      policyProblems: [{ key: 'lockedSettings', reason: 'Invalid option: expected one of "role"|…' }],
    });
    await vi.waitFor(() => expect(root.querySelector('[data-policy-problem]')).not.toBeNull());
    const items = [...root.querySelectorAll('[data-policy-problem]')];
    expect(items.map((li) => li.getAttribute('data-policy-problem'))).toEqual(['lockedSettings']);
    expect(items[0]!.textContent).toContain('Invalid option');
    const clean = await mount();
    expect(clean.root.querySelector('[data-policy-problems]')).toBeNull();
  });

  it('names the rule pack in data-pack-* and counts "not helpful" per nudge', async () => {
    const { root } = await mount({
      pack: { source: 'default', name: 'rapport-default', version: '1.2.3', status: 'ok' },
      feedback: { 'pure-promotion': { notHelpful: 2 }, 'corporate-voice': { notHelpful: 5 } },
    });
    const pack = root.querySelector<HTMLElement>('[data-pack-source]')!;
    expect({ ...pack.dataset }).toEqual({
      packSource: 'default',
      packName: 'rapport-default',
      packVersion: '1.2.3',
      packStatus: 'ok',
      packSignature: 'none',
    });
    expect(pack.textContent).toContain('1.2.3');
    await vi.waitFor(() => expect(root.querySelectorAll('[data-feedback-id]')).toHaveLength(2));
    const rows = [...root.querySelectorAll<HTMLElement>('[data-feedback-id]')].map((r) => [
      r.dataset.feedbackId,
      r.querySelector('td')?.textContent,
    ]);
    expect(rows).toEqual([
      ['corporate-voice', '5'],
      ['pure-promotion', '2'],
    ]);
  });

  it('exports as a JSON download, and deletes all only after a confirm step', async () => {
    const { root, connector } = await mount({ exported: { ok: true, json: '{"events":[1]}' } });
    const button = (text: string) =>
      [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === text);
    button('Export (JSON)')!.click();
    await vi.waitFor(() => expect(connector.downloads).toHaveLength(1));
    expect(connector.downloads[0]!.text).toBe('{"events":[1]}');
    expect(connector.downloads[0]!.filename).toMatch(/^rapport-ledger-\d{4}-\d\d-\d\d\.json$/);

    button('Delete all')!.click();
    await vi.waitFor(() => expect(button('Keep it')).toBeDefined());
    expect(root.textContent).toContain('This cannot be undone.');
    button('Keep it')!.click();
    await vi.waitFor(() => expect(button('Delete all')).toBeDefined());
    expect(connector.calls).not.toContain('delete-ledger');
    button('Delete all')!.click();
    await vi.waitFor(() => expect(button('Yes, delete all')).toBeDefined());
    button('Yes, delete all')!.click();
    await vi.waitFor(() => expect(connector.calls).toContain('delete-ledger'));
    await vi.waitFor(() => expect(root.textContent).toContain('Deleted'));
  });

  it('shows a snooze and cancels it', async () => {
    const { root, connector } = await mount({ reminder: { snoozedUntil: '2999-01-04T09:00:00.000Z' } });
    await vi.waitFor(() => expect(root.querySelector('[data-snoozed]')).not.toBeNull());
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2999-01-04T09:00:00.000Z');
    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel snooze')!;
    cancel.click();
    await vi.waitFor(() => expect(root.querySelector('[data-snoozed]')).toBeNull());
    expect(connector.calls).toEqual(['cancel-snooze']);
    expect(root.textContent).toContain('Not snoozed.');
  });
});
