// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reminder } from './Reminder.tsx';
import { createMockConnector } from './connector-mock.ts';

const task = {
  date: '2026-11-30',
  kind: 'waiting' as const,
  title: 'Comments are waiting for you',
  message: '3 comments on your Tuesday LinkedIn post are waiting — 2 are questions',
  url: 'https://www.linkedin.com/feed/update/p1?comment=c1',
  platform: 'linkedin' as const,
  via: 'badge' as const,
};

afterEach(() => {
  document.body.innerHTML = '';
});

function mount(withTask: boolean) {
  const root = document.createElement('div');
  document.body.append(root);
  const connector = createMockConnector(undefined, {
    reminder: { task: withTask ? task : null, snoozedUntil: null, lastShown: '2026-11-30', lastCheck: null },
  });
  // Monday 30 November 2026, 10:00 UTC.
  render(<Reminder connector={connector} clock={() => Date.parse('2026-11-30T10:00:00Z')} />, root);
  return { root, connector };
}

describe('the reminder in the popup', () => {
  it('shows the open task with its link, and the snooze puts it away', async () => {
    const { root, connector } = mount(true);
    await vi.waitFor(() => expect(root.querySelector('[data-reminder-task]')).not.toBeNull());
    expect(root.textContent).toContain(task.message);
    expect(root.querySelector('a[data-reminder-url]')?.getAttribute('href')).toBe(task.url);
    const week = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Snooze a week')!;
    week.click();
    await vi.waitFor(() => expect(root.querySelector('[data-reminder-task]')).toBeNull());
    // Seven days skipped: the snooze ends at the local midnight eight days on.
    const until = Date.parse(connector.calls.snoozes[0]!);
    const days = (until - Date.parse('2026-11-30T10:00:00Z')) / 86_400_000;
    expect(days).toBeGreaterThan(7);
    expect(days).toBeLessThanOrEqual(8);
  });

  it('shows nothing when no task is open', async () => {
    const { root, connector } = mount(false);
    await vi.waitFor(() => expect(connector.state.reminder.lastShown).toBe('2026-11-30'));
    await Promise.resolve();
    expect(root.innerHTML).toBe('');
  });

  it('Open asks the worker to open the task, and the task goes', async () => {
    const { root, connector } = mount(true);
    await vi.waitFor(() => expect(root.querySelector('[data-reminder-task]')).not.toBeNull());
    (root.querySelector('a[data-reminder-url]') as HTMLAnchorElement).click();
    await vi.waitFor(() => expect(root.querySelector('[data-reminder-task]')).toBeNull());
    expect(connector.calls.reminderOpened).toBe(1);
  });
});
