import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, run, scratchDir } from './helpers.ts';

const NUDGE_KEYS = ['evidence', 'id', 'reason', 'severity', 'suggestion', 'title'];

function expectCheckShape(json: Record<string, unknown>): void {
  expect(typeof json.score).toBe('number');
  expect(json.score).toBeGreaterThanOrEqual(0);
  expect(json.score).toBeLessThanOrEqual(100);
  expect(typeof json.band).toBe('string');
  expect(Array.isArray(json.nudges)).toBe(true);
  expect((json.nudges as unknown[]).length).toBeLessThanOrEqual(3);
  for (const nudge of json.nudges as Record<string, unknown>[]) {
    expect(Object.keys(nudge).sort()).toEqual(NUDGE_KEYS);
    expect(['info', 'warn']).toContain(nudge.severity);
    expect(Array.isArray(nudge.evidence)).toBe(true);
  }
  expect(Array.isArray(json.notes)).toBe(true);
  expect(typeof json.truncated).toBe('boolean');
}

// Raw control characters other than newline and tab, C1 controls and the right-to-left override.
// eslint-disable-next-line no-control-regex -- finding control characters is what this test does
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('rapport check', () => {
  const dir = scratchDir();

  it('prints the documented JSON shape and nothing internal', async () => {
    const json = await checkJson(['We shipped offline mode. What would you want it to sync first?']);
    expectCheckShape(json);
    expect(Object.keys(json).sort()).toEqual(['band', 'notes', 'nudges', 'score', 'truncated']);
  });

  it('accepts every platform and kind', async () => {
    for (const platform of [
      'x',
      'linkedin',
      'facebook',
      'instagram',
      'threads',
      'bluesky',
      'mastodon',
      'reddit',
      'youtube',
    ]) {
      for (const kind of ['post', 'reply', 'comment']) {
        const result = await run([
          'check',
          '--json',
          '--platform',
          platform,
          `--kind=${kind}`,
          'Thanks for asking!',
        ]);
        expect(result.code, `${platform}/${kind}: ${result.stderr}`).toBe(0);
      }
    }
  });

  it('prints score and band for people, and says when there are no nudges', async () => {
    const result = await run(['check', 'A quiet note about our week.']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^score \d+\/100 \(\S+\)\n/);
    expect(result.stderr).toBe('');
  });

  it('reads the draft from stdin with "-" and when no TEXT is given and stdin is a pipe', async () => {
    const dash = await checkJson(['-'], { stdin: 'Piped draft text' });
    const implicit = await checkJson([], { stdin: 'Piped draft text' });
    expectCheckShape(dash);
    expect(implicit).toEqual(dash);
  });

  it('refuses to wait on a terminal when no TEXT is given', async () => {
    const result = await run(['check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no draft given');
  });

  it('runs on an empty or whitespace draft and says there is nothing to coach', async () => {
    for (const text of ['', '   \n\t  ']) {
      const json = await checkJson(['--', text]);
      expectCheckShape(json);
      expect((json.notes as string[]).join(' ')).toMatch(/nothing to coach|empty/i);
      const human = await run(['check', '--', text]);
      expect(human.stdout).toMatch(/note: .*(nothing to coach|empty)/i);
    }
  });

  it('handles 1 MB of text without freezing', async () => {
    const text = 'Our new release is out and we would love to hear what you think. '.repeat(16_500);
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const json = await checkJson(['-'], { stdin: text });
    expect(performance.now() - started).toBeLessThan(5_000);
    expectCheckShape(json);
    if (json.truncated) expect((json.notes as string[]).length).toBeGreaterThan(0);
  });

  it('keeps control characters out of the terminal output', async () => {
    const text = 'Buy now\u001b[31m red \u0007 bell \u0000 nul \u009b csi \u202e evil';
    const json = await run(['check', '--json', '--', text]);
    expect(json.code).toBe(0);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    expectCheckShape(JSON.parse(json.stdout) as Record<string, unknown>);
    const human = await run(['check', '--', text]);
    expect(human.code).toBe(0);
    expect(human.stdout).not.toMatch(RAW_CONTROL);
  });

  it.each([
    ['RTL', 'שלום לכולם, מה דעתכם על הגרסה החדשה? مرحبا بالجميع'],
    ['CJK', '新しいバージョンを公開しました。ご意見をお聞かせください。我们很高兴'],
    ['emoji only', '🎉🎉🔥🚀👨‍👩‍👧‍👦'],
  ])('runs on %s text', async (_name, text) => {
    const json = await checkJson(['--platform', 'threads', text]);
    expectCheckShape(json);
    for (const nudge of json.nudges as { evidence: { text: string }[] }[]) {
      for (const evidence of nudge.evidence) expect(typeof evidence.text).toBe('string');
    }
    expect((await run(['check', text])).code).toBe(0);
  });

  it('takes a pack file, a history file and a clock', async () => {
    // The shipped default pack is the one pack file whose schema is sure to be valid.
    const pack = join(process.cwd(), 'public', 'default-pack.json');
    const history = join(dir, 'history.jsonl');
    writeFileSync(
      history,
      [
        '{"at":"2026-11-02T09:00:00Z","type":"published","platform":"x","kind":"post","id":"p1","text":"Hello"}',
        '',
        '{"at":"2026-11-02T10:00:00Z","type":"comment-received","platform":"x","id":"c1","on":"p1","from":"@dana"}',
      ].join('\n'),
    );
    const json = await checkJson([
      '--pack',
      pack,
      '--history',
      history,
      '--now',
      '2026-11-03T09:00:00Z',
      'Hi all',
    ]);
    expectCheckShape(json);
  });

  it('reads the history into the same summary as the extension: how many wait and where, each once', async () => {
    const history = join(dir, 'waiting.jsonl');
    const comment = (id: string, platform: string, hour: number, text = 'Nice') =>
      JSON.stringify({ at: `2026-11-02T${hour}:00:00Z`, type: 'comment-received', platform, id, text });
    writeFileSync(
      history,
      [
        comment('x1', 'x', 10),
        comment('l1', 'linkedin', 11, 'Does it work offline?'),
        comment('l2', 'linkedin', 12),
        comment('l2', 'linkedin', 12),
        comment('l3', 'linkedin', 13),
        comment('m1', 'mastodon', 14),
        JSON.stringify({ at: '2026-11-02T15:00:00Z', type: 'replied', platform: 'mastodon', to: 'm1' }),
      ].join('\n'),
    );
    const json = await checkJson(['--history', history, '--now', '2026-11-03T09:00:00Z', '']);
    const nudges = json.nudges as { id: string; title: string; evidence: { text: string }[] }[];
    const unanswered = nudges.find((n) => n.id === 'unanswered-comments');
    expect(unanswered?.title).toBe("You haven't replied to 4 comments — 3 on LinkedIn, 1 on X");
    // The question first, then the longest waiting.
    expect(unanswered?.evidence.slice(1).map((e) => e.text.split(':')[0])).toEqual([
      'someone asked on LinkedIn 22 hours ago',
      'someone wrote on X 23 hours ago',
      'someone wrote on LinkedIn 21 hours ago',
    ]);
  });

  it('reports malformed JSON in a pack with the path, line and exit 2', async () => {
    const pack = join(dir, 'broken.json');
    writeFileSync(pack, '{\n  "schema": 1,\n  "name": "x",\n}\n');
    const result = await run(['check', '--pack', pack, 'hello']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(pack);
    expect(result.stderr).toMatch(/not valid JSON: .*line 4/);
  });

  it('reports malformed history lines with their line numbers and exit 2', async () => {
    const history = join(dir, 'bad-history.jsonl');
    writeFileSync(
      history,
      '{"at":"2026-11-02T09:00:00Z","type":"published","platform":"x","kind":"post"}\n{oops\n\n[1,\n',
    );
    const result = await run(['check', '--history', history, 'hello']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${history}:2: not valid JSON`);
    expect(result.stderr).toContain(`${history}:4: not valid JSON`);
    expect(result.stderr).not.toContain(`${history}:1:`);
  });

  it('names a missing pack or history file and exits 2', async () => {
    const missing = join(dir, 'nope.json');
    for (const flag of ['--pack', '--history']) {
      const result = await run(['check', flag, missing, 'hello']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${missing}: no such file`);
    }
    const directory = await run(['check', '--pack', dir, 'hello']);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('is a directory');
  });

  it('reports pure-promotion for a flash-sale pitch (fails until the real engine lands)', async () => {
    const json = await checkJson(['FLASH SALE! 40% off, buy now']);
    expect((json.nudges as { id: string }[]).map((n) => n.id)).toContain('pure-promotion');
  });
});
