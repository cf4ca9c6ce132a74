/**
 * How the CLI presents what the engine says, with the engine replaced by fakes: pack problems with
 * paths, failing examples, history field errors, capped drafts, nudges with hostile evidence.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../../../src/engine/index.ts';
import type { CheckResult, CompiledPack, Nudge } from '../../../src/engine/index.ts';
import { run, scratchDir } from './helpers.ts';

vi.mock('../../../src/engine/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/engine/index.ts')>();
  return {
    ...real,
    check: vi.fn(),
    compilePack: vi.fn(),
    compileValidatedPack: vi.fn(),
    compilePackText: vi.fn(),
    evaluate: vi.fn(),
    runExamples: vi.fn(),
    parseHistory: vi.fn(),
  };
});

// Only name and version are read by the CLI; the rest of a compiled pack is the engine's business.
const PACK = { name: 'acme', version: '2.1.0' } as unknown as CompiledPack;

const NUDGE: Nudge = {
  id: 'pure-promotion',
  severity: 'warn',
  title: 'Reads as a sales pitch',
  reason: 'Offer and call to buy, nothing else.',
  suggestion: 'Say what the reader gets besides the offer.',
  evidence: [{ text: 'buy now\u001b[2J', start: 20, end: 27 }],
};

function result(overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    score: 31,
    band: 'loud',
    nudges: [NUDGE],
    all: [NUDGE, NUDGE],
    notes: [],
    truncated: false,
    ...overrides,
  };
}

describe('CLI presentation of engine results', () => {
  const dir = scratchDir();
  const packFile = join(dir, 'pack.json');
  writeFileSync(packFile, '{"schema":1}');

  beforeEach(() => {
    vi.mocked(engine.compilePack).mockReset().mockReturnValue(PACK);
    // The built-in pack compiles through the trusted path (it is validated when the CLI is built).
    vi.mocked(engine.compileValidatedPack).mockReset().mockReturnValue(PACK);
    vi.mocked(engine.compilePackText).mockReset().mockReturnValue(PACK);
    vi.mocked(engine.check).mockReset().mockReturnValue(result());
    vi.mocked(engine.runExamples).mockReset().mockReturnValue([]);
    vi.mocked(engine.parseHistory).mockReset().mockReturnValue({ events: [], errors: [] });
  });

  it('prints each nudge with id, title, reason, suggestion and escaped evidence', async () => {
    const human = await run(['check', 'FLASH SALE, buy now']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('score 31/100 (loud)');
    expect(human.stdout).toContain('warn  pure-promotion — Reads as a sales pitch');
    expect(human.stdout).toContain('why:      Offer and call to buy, nothing else.');
    expect(human.stdout).toContain('try:      Say what the reader gets besides the offer.');
    expect(human.stdout).toContain('evidence: "buy now\\u001b[2J"');
    expect(human.stdout).not.toContain('\u001b');
  });

  it('passes the draft, platform, kind and clock through, and prints only public fields as JSON', async () => {
    const out = await run([
      'check',
      '--json',
      '--platform',
      'linkedin',
      '--kind',
      'reply',
      '--now',
      '2026-11-03',
      'hi',
    ]);
    expect(engine.check).toHaveBeenCalledWith({ text: 'hi', platform: 'linkedin', kind: 'reply' }, PACK, {
      now: new Date('2026-11-03T00:00:00Z'),
    });
    const json = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(json).toEqual({ score: 31, band: 'loud', nudges: [NUDGE], notes: [], truncated: false });
  });

  it('shows the engine note on a capped draft', async () => {
    const note = 'Only the first 100,000 characters were checked.';
    vi.mocked(engine.check).mockReturnValue(result({ truncated: true, notes: [note] }));
    const json = JSON.parse((await run(['check', '--json', 'x'.repeat(1_000_000)])).stdout) as CheckResult;
    expect(json.truncated).toBe(true);
    expect(json.notes).toEqual([note]);
    expect((await run(['check', 'long'])).stdout).toContain(`note: ${note}`);
  });

  it('lists pack problems with their paths: exit 2 for check, 1 for validate and test', async () => {
    const problems = ['rules[3].pattern: not a valid regular expression', 'version: required'];
    vi.mocked(engine.compilePackText).mockImplementation(() => {
      throw new engine.PackError(problems);
    });
    const checked = await run(['check', '--pack', packFile, 'hi']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain(`${packFile}: 2 problems in the rule pack:\n  - rules[3].pattern`);
    expect(checked.stderr).toContain('  - version: required');
    for (const sub of ['validate', 'test']) {
      const result = await run(['pack', sub, packFile]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('rules[3].pattern: not a valid regular expression');
    }
    expect(engine.runExamples).not.toHaveBeenCalled();
  });

  it('compiles an admin pack over the compiled default pack', async () => {
    await run(['check', '--pack', packFile, 'hi']);
    expect(engine.compilePackText).toHaveBeenLastCalledWith('{"schema":1}', PACK, {});
    await run(['pack', 'test', packFile]);
    expect(engine.compilePackText).toHaveBeenLastCalledWith('{"schema":1}', PACK, { skipExamples: true });
  });

  it('lists failing examples and exits 1', async () => {
    vi.mocked(engine.runExamples).mockReturnValue([
      { rule: 'acme-discount', nudge: 'pure-promotion', expected: 'fire', text: '20% off today' },
      {
        rule: 'acme-secret',
        nudge: 'confidential-term',
        expected: 'pass',
        text: 'Project Falcon\u001b[0m ships',
      },
    ]);
    const result = await run(['pack', 'test', packFile]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2 example(s) of acme 2.1.0 failed');
    expect(result.stderr).toContain('acme-discount should fire but did not on "20% off today"');
    expect(result.stderr).toContain('acme-secret should pass but fired on "Project Falcon\\u001b[0m ships"');
  });

  it('reports the engine history errors under the file name, and exits 2', async () => {
    const history = join(dir, 'history.jsonl');
    writeFileSync(history, '{"at":"2026-11-02T09:00:00Z","type":"posted"}\n');
    vi.mocked(engine.parseHistory).mockReturnValue({
      events: [],
      errors: ['line 1: type: unknown event "posted"'],
    });
    const result = await run(['check', '--history', history, 'hi']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${history}: line 1: type: unknown event "posted"`);
    expect(engine.check).not.toHaveBeenCalled();
  });

  it('prints eval counts, off-diagonal confusion and misses', async () => {
    const rows = join(dir, 'rows.jsonl');
    writeFileSync(
      rows,
      '{"id":"r1","platform":"x","kind":"post","text":"Buy!","expect":["pure-promotion"]}\n',
    );
    vi.mocked(engine.evaluate).mockReturnValue({
      perId: { 'pure-promotion': { tp: 3, fp: 1, fn: 0, precision: 0.75, recall: 1 } },
      misses: [
        {
          row: 'r7',
          id: 'vanity-metrics',
          kind: 'fp',
          fired: ['vanity-metrics', 'no-invitation'],
          platform: 'instagram',
          draftKind: 'post',
          excerpt: 'Share your worst onboarding story below',
          evidence: ['Share'],
        },
      ],
      score: { genuine: 10, flawed: 20, auc: 0.934, flawedStrong: 2, genuineNudged: 1 },
      confusion: { 'pure-promotion': { 'pure-promotion': 3, 'vanity-metrics': 1 } },
    });
    const result = await run(['eval', rows]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pure-promotion +3 +1 +0 +0\.75 +1\.00/);
    expect(result.stdout).toContain('labelled pure-promotion, fired vanity-metrics: 1');
    expect(result.stdout).not.toContain('fired pure-promotion:');
    expect(result.stdout).toContain(
      'r7 instagram/post: vanity-metrics fired, not expected on "Share" (fired: vanity-metrics, no-invitation)',
    );
    expect(result.stdout).toContain('"Share your worst onboarding story below"');
    expect(result.stdout).toContain(
      'ROC AUC 0.93 (genuine above flawed; 10 genuine, 20 flawed), flawed banded strong 2/20, genuine with a draft nudge 1/10',
    );
  });

  it('turns an unexpected engine crash into exit 3 with the stack', async () => {
    vi.mocked(engine.check).mockImplementation(() => {
      throw new TypeError('boom');
    });
    const result = await run(['check', 'hi']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('internal error: TypeError: boom');
  });

  it('treats a built-in pack that does not compile as an internal error', async () => {
    vi.mocked(engine.compileValidatedPack).mockImplementation(() => {
      throw new engine.PackError(['rules: broken']);
    });
    const result = await run(['check', 'hi']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('the built-in rule pack does not compile: rules: broken');
  });
});
