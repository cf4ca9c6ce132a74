import { describe, expect, it } from 'vitest';
import { chooseTask, type TaskInput } from '../../../../src/background/reminder/task.ts';
import { snapshot } from '../../../../src/background/reminder/snapshot.ts';
import { HistorySummary } from '../../../../src/engine/index.ts';
import type { HistoryEvent } from '../../../../src/engine/types.ts';
import { defaultSettings } from '../../../../src/shared/settings.ts';

const TZ = 'Europe/Berlin';
// Friday 4 December 2026, 10:00 local.
const NOW = Date.parse('2026-12-04T09:00:00Z');
const sites = defaultSettings('executive').sites;

function input(events: HistoryEvent[], patch: Partial<TaskInput> = {}): TaskInput {
  const summary = new HistorySummary();
  for (const e of events) summary.add(e);
  return { now: NOW, timeZone: TZ, goals: [], sites, ...snapshot(summary, NOW), ...patch };
}

const post = (at: string, platform: 'linkedin' | 'x', id: string): HistoryEvent => ({
  at,
  type: 'published',
  platform,
  kind: 'post',
  id,
});
const comment = (at: string, id: string, text: string, extra: Partial<HistoryEvent> = {}): HistoryEvent =>
  ({
    at,
    type: 'comment-received',
    platform: 'linkedin',
    id,
    on: 'p1',
    text,
    url: `https://www.linkedin.com/feed/update/p1?comment=${id}`,
    exact: true,
    ...extra,
  }) as HistoryEvent;

describe('chooseTask', () => {
  it('puts waiting comments first, names the post by its day, counts the questions, opens the oldest', () => {
    const task = chooseTask(
      input([
        post('2026-12-01T08:00:00Z', 'linkedin', 'p1'),
        comment('2026-12-02T10:00:00Z', 'c2', 'How did you measure it?'),
        comment('2026-12-01T12:00:00Z', 'c1', 'Great point'),
        comment('2026-12-03T10:00:00Z', 'c3', 'Which team was it?'),
      ]),
    );
    expect(task.kind).toBe('waiting');
    expect(task.message).toBe('3 comments on your Tuesday LinkedIn post are waiting — 2 are questions');
    expect(task.url).toBe('https://www.linkedin.com/feed/update/p1?comment=c1');
    expect(task.platform).toBe('linkedin');
  });

  it('a reply closes a comment; comments over several networks say so', () => {
    const task = chooseTask(
      input([
        comment('2026-12-02T10:00:00Z', 'c1', 'Nice'),
        { at: '2026-12-02T11:00:00Z', type: 'replied', platform: 'linkedin', to: 'c1' },
        comment('2026-12-03T10:00:00Z', 'c2', 'Why?', {
          platform: 'x',
          on: 'p9',
          url: 'https://x.com/a/status/2',
        }),
        comment('2026-12-03T11:00:00Z', 'c3', 'Thanks'),
      ]),
    );
    expect(task.message).toBe('2 comments on your posts are waiting — 1 is a question');
    expect(task.url).toBe('https://x.com/a/status/2');
  });

  it('never opens a link that is not https', () => {
    const task = chooseTask(
      input([
        comment('2026-12-03T10:00:00Z', 'c1', 'Hi', { url: 'javascript:alert(1)' } as Partial<HistoryEvent>),
      ]),
    );
    expect(task.message).toBe('1 comment on your LinkedIn post is waiting');
    expect(task.url).toBe('https://www.linkedin.com/feed/?shareActive=true');
  });

  it('then silence: days since the last post or reply, on the network posted on most', () => {
    const task = chooseTask(
      input([
        post('2026-11-20T08:00:00Z', 'x', 'a'),
        post('2026-11-24T08:00:00Z', 'x', 'b'),
        post('2026-11-25T08:00:00Z', 'linkedin', 'c'),
      ]),
    );
    expect(task).toEqual({
      kind: 'silence',
      title: 'A few minutes for your network',
      message: 'Nothing from you in 9 days — share one thing your team learned this week',
      url: 'https://x.com/compose/post',
      platform: 'x',
    });
  });

  it('the silence suggestion fits the goals, and a network turned off is never opened', () => {
    const task = chooseTask(
      input([post('2026-11-20T08:00:00Z', 'x', 'a')], {
        goals: ['customers'],
        sites: { ...sites, x: false },
      }),
    );
    expect(task.message).toBe(
      'Nothing from you in 14 days — share how your team helped one customer this week, and what you learned from it',
    );
    expect(task.url).toBe('https://www.linkedin.com/feed/?shareActive=true');
  });

  it('otherwise a suggestion from the goals, taking turns by day, and never about followers', () => {
    const recent = [post('2026-12-03T08:00:00Z', 'linkedin', 'a')];
    const goals = ['answers', 'expertise'] as const;
    const today = chooseTask(input(recent, { goals: [...goals] }));
    const tomorrow = chooseTask(input(recent, { goals: [...goals], now: NOW + 86_400_000 }));
    expect(today.kind).toBe('goal');
    expect(new Set([today.message, tomorrow.message])).toEqual(
      new Set([
        'Answer one question someone in your field asked this week on LinkedIn',
        'Explain one thing you know well in a few lines, with an example on LinkedIn',
      ]),
    );
    for (const t of [today, tomorrow]) expect(t.message).not.toMatch(/follow|like|reach/i);
  });

  it('an empty ledger gets a goal suggestion on the first network that is on', () => {
    const task = chooseTask(input([]));
    expect(task.kind).toBe('goal');
    expect(task.url).toBe('https://www.linkedin.com/feed/?shareActive=true');
    expect(task.message).toBe('Share one thing your team learned this week on LinkedIn');
  });
});
