import { describe, expect, it } from 'vitest';
import { createReminderCheck, type CheckDeps } from '../../../../src/background/reminder/check.ts';
import { clickTarget } from '../../../../src/background/reminder/click.ts';
import { repairReminderState } from '../../../../src/background/reminder/state.ts';
import { createReminderStateStore, REMINDER_STATE_KEY } from '../../../../src/background/reminder/state.ts';
import type { Task } from '../../../../src/background/reminder/task.ts';
import { HistorySummary } from '../../../../src/engine/index.ts';
import { defaultSettings } from '../../../../src/shared/settings.ts';

const TZ = 'Europe/Berlin';
const AT_NINE = Date.parse('2026-11-30T08:00:00Z');

/** A storage.local stand-in that outlives any one "worker". */
function storage() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => ({ [key]: structuredClone(data[key]) }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
}

/** One worker's reminder, over shared storage; `show` records what it was asked to show. */
function worker(area: ReturnType<typeof storage>, clock: { now: number }, show?: CheckDeps['show']) {
  const shown: { id: string; task: Task }[] = [];
  const putAway: string[] = [];
  const check = createReminderCheck({
    now: () => clock.now,
    timeZone: () => TZ,
    settings: async () => defaultSettings('executive'),
    state: createReminderStateStore(area),
    summary: async () => new HistorySummary(),
    show:
      show ??
      (async (id, task) => {
        shown.push({ id, task });
        return 'notification';
      }),
    putAway: async (id) => void putAway.push(id),
  });
  return { check, shown, putAway };
}

describe('the reminder check', () => {
  it('two alarms at the hour in one worker show one reminder', async () => {
    const area = storage();
    const w = worker(area, { now: AT_NINE });
    const results = await Promise.all([w.check(), w.check(), w.check()]);
    expect(w.shown.map((s) => s.id)).toEqual(['rapport-reminder-2026-11-30']);
    expect(results.filter((r) => r.show)).toHaveLength(1);
    expect(area.data[REMINDER_STATE_KEY]).toMatchObject({
      lastShown: '2026-11-30',
      task: { date: '2026-11-30', via: 'notification', kind: 'goal' },
    });
  });

  it('a worker stopped between storing the day and creating the notification never doubles it', async () => {
    const area = storage();
    const clock = { now: AT_NINE };
    const dying = worker(area, clock, async () => {
      throw new Error('worker stopped');
    });
    await expect(dying.check()).rejects.toThrow('worker stopped');
    // The restarted worker's first alarm, still at the hour.
    clock.now += 60_000;
    const restarted = worker(area, clock);
    expect(await restarted.check()).toMatchObject({ show: false, reason: 'shown-today' });
    expect(restarted.shown).toEqual([]);
    expect(area.data[REMINDER_STATE_KEY]).toMatchObject({
      lastShown: '2026-11-30',
      lastCheck: { at: new Date(clock.now).toISOString(), outcome: 'shown-today' },
    });
  });

  it('after a restart the day after, it shows again; the badge fallback is remembered', async () => {
    const area = storage();
    const clock = { now: AT_NINE };
    await worker(area, clock).check();
    clock.now += 86_400_000;
    const next = worker(area, clock, async () => 'badge');
    expect(await next.check()).toMatchObject({ show: true, date: '2026-12-01', via: 'badge' });
    expect(area.data[REMINDER_STATE_KEY]).toMatchObject({ lastShown: '2026-12-01', task: { via: 'badge' } });
  });

  it("a click on the day's notification opens the task's page; an older one opens nothing", async () => {
    const area = storage();
    const w = worker(area, { now: AT_NINE });
    await w.check();
    const state = repairReminderState(area.data[REMINDER_STATE_KEY]);
    expect(clickTarget('rapport-reminder-2026-11-30', state)).toBe(
      'https://www.linkedin.com/feed/?shareActive=true',
    );
    expect(clickTarget('rapport-reminder-2026-11-29', state)).toBeUndefined();
    expect(clickTarget('rapport-reminder-2026-11-30', {})).toBeUndefined();
  });

  it("takes an earlier day's task away, even on a day with no reminder", async () => {
    const area = storage();
    const clock = { now: AT_NINE };
    await worker(area, clock, async () => 'badge').check();
    // Tuesday 08:00 local: before the hour, so nothing shows, but Monday's dot must go.
    clock.now = Date.parse('2026-12-01T07:00:00Z');
    const next = worker(area, clock);
    expect(await next.check()).toMatchObject({ show: false, notYet: true });
    expect(next.putAway).toEqual(['rapport-reminder-2026-11-30']);
    expect(area.data[REMINDER_STATE_KEY]).not.toHaveProperty('task');
    // Once is enough.
    await next.check();
    expect(next.putAway).toHaveLength(1);
  });
});
