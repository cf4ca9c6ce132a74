import { describe, expect, it } from 'vitest';
import { createReminderOpenHandler, openTask } from '../../../../src/background/handlers/reminder-open.ts';
import { createReminderStateStore, REMINDER_STATE_KEY } from '../../../../src/background/reminder/state.ts';

const task = {
  date: '2026-11-30',
  kind: 'waiting',
  title: 'A comment is waiting for you',
  message: '1 comment on your LinkedIn post is waiting',
  url: 'https://www.linkedin.com/feed/update/p1?comment=c1',
  platform: 'linkedin',
  via: 'badge',
};

function setup(stored: Record<string, unknown>) {
  const data: Record<string, unknown> = { [REMINDER_STATE_KEY]: stored };
  const area = {
    get: async (key: string) => ({ [key]: structuredClone(data[key]) }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
  const opened: string[] = [];
  const putAway: (string | undefined)[] = [];
  const deps = {
    state: createReminderStateStore(area),
    clock: { now: () => Date.parse('2026-11-30T10:00:00Z'), timeZone: () => 'Europe/Berlin' },
    openTab: async (url: string) => void opened.push(url),
    putAway: async (id: string | undefined) => void putAway.push(id),
  };
  return { data, deps, opened, putAway };
}

describe('opening the reminder task', () => {
  it("opens the stored task's page, then puts the task away (notification and dot)", async () => {
    const { data, deps, opened, putAway } = setup({ lastShown: '2026-11-30', task });
    const reply = await createReminderOpenHandler(deps)({ type: 'reminder-open' });
    expect(opened).toEqual([task.url]);
    expect(putAway).toEqual(['rapport-reminder-2026-11-30']);
    expect(data[REMINDER_STATE_KEY]).toEqual({ lastShown: '2026-11-30' });
    expect(reply).toMatchObject({ ok: true, reminder: { task: null, lastShown: '2026-11-30' } });
  });

  it("a click on another day's notification opens nothing, and clears that notification", async () => {
    const { deps, opened, putAway } = setup({ lastShown: '2026-11-30', task });
    await openTask(deps, 'rapport-reminder-2026-11-29');
    expect(opened).toEqual([]);
    expect(putAway).toEqual(['rapport-reminder-2026-11-29']);
  });

  it('with no task open, the popup is told so', async () => {
    const { deps, opened } = setup({});
    expect(await createReminderOpenHandler(deps)({ type: 'reminder-open' })).toEqual({
      ok: false,
      error: 'no reminder task is open',
    });
    expect(opened).toEqual([]);
  });
});
