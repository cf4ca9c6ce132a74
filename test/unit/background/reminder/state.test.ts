import { describe, expect, it } from 'vitest';
import {
  createReminderStateStore,
  repairReminderState,
  REMINDER_STATE_KEY,
} from '../../../../src/background/reminder/state.ts';

const task = {
  date: '2026-11-30',
  kind: 'goal',
  title: 't',
  message: 'm',
  url: 'https://www.linkedin.com/',
  platform: 'linkedin',
  via: 'notification',
};

describe('reminderState', () => {
  it('repairs field by field: a bad value is dropped, the rest survive', () => {
    expect(
      repairReminderState({ lastShown: '30 Nov', snoozedUntil: '2026-12-01T00:00:00Z', extra: 1 }),
    ).toEqual({
      snoozedUntil: '2026-12-01T00:00:00Z',
    });
    expect(repairReminderState({ lastShown: '2026-11-30', task: { ...task, url: 'javascript:x' } })).toEqual({
      lastShown: '2026-11-30',
    });
    expect(repairReminderState('junk')).toEqual({});
    expect(repairReminderState(undefined)).toEqual({});
  });

  it('updates merge onto what is stored; undefined removes a key', async () => {
    const data: Record<string, unknown> = {};
    const area = {
      get: async (key: string) => ({ [key]: data[key] }),
      set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    };
    const store = createReminderStateStore(area);
    await store.update({ lastShown: '2026-11-30', task });
    await store.update({ snoozedUntil: '2026-12-02T00:00:00+01:00', task: undefined });
    expect(data[REMINDER_STATE_KEY]).toEqual({
      lastShown: '2026-11-30',
      snoozedUntil: '2026-12-02T00:00:00+01:00',
    });
    await store.update({ snoozedUntil: 'soon' });
    expect(await store.read()).toEqual({ lastShown: '2026-11-30' });
  });
});
