/** Tiny inline packs and drafts for the engine's unit tests. */
import {
  check,
  compilePack,
  defaultPackJson,
  type CheckOptions,
  type CheckResult,
  type CompiledPack,
  type EvalRow,
  type HistoryEvent,
  type Kind,
  type Platform,
} from '../../../src/engine/index.ts';

export const MESSAGE = { title: 'T {count}', reason: 'R', suggestion: 'S' } as const;

export interface RuleSpec {
  id: string;
  type: string;
  params?: Record<string, unknown>;
  severity?: 'info' | 'warn';
  [key: string]: unknown;
}

/** A schema-1 pack around the given rules; `extra` adds top-level fields (terms, thresholds, …). */
export function packJson(
  rules: readonly RuleSpec[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    schema: 1,
    name: 'test-pack',
    version: '1.0.0',
    ...extra,
    rules: rules.map((r) => ({ severity: 'warn', message: MESSAGE, params: {}, ...r })),
  };
}

export function pack(rules: readonly RuleSpec[], extra: Record<string, unknown> = {}): CompiledPack {
  return compilePack(packJson(rules, extra));
}

let cachedDefault: CompiledPack | undefined;
/** The built-in pack, compiled once per test file (compiling runs its examples). */
export function defaultPack(): CompiledPack {
  cachedDefault ??= compilePack(defaultPackJson);
  return cachedDefault;
}

export interface DraftOptions extends CheckOptions {
  platform?: Platform;
  kind?: Kind;
}

export function run(p: CompiledPack, text: string, options: DraftOptions = {}): CheckResult {
  const { platform = 'x', kind = 'post', ...rest } = options;
  return check({ text, platform, kind }, p, rest);
}

/** The nudge ids that fired, before the "at most three" cut. */
export function fired(p: CompiledPack, text: string, options: DraftOptions = {}): string[] {
  return run(p, text, options).all.map((n) => n.id);
}

/** The message a compile failure throws, or '' when the pack compiled. */
export function compileError(json: unknown, base?: CompiledPack, now?: Date): string {
  try {
    compilePack(json, base, now ? { now } : {});
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

export const NOW = new Date('2026-11-10T12:00:00Z');

/** An ISO time `hours` before NOW. */
export function ago(hours: number): string {
  return new Date(NOW.getTime() - hours * 3_600_000).toISOString();
}

export function post(hoursAgo: number, text: string, platform: Platform = 'x'): HistoryEvent {
  return { at: ago(hoursAgo), type: 'published', platform, kind: 'post', text };
}

/** A labelled draft, as `rapport eval` and the fits read them; `expect` lists the nudges it should get. */
export function labelled(id: string, text: string, expect: string[], platform: Platform = 'x'): EvalRow {
  return { id, platform, kind: 'post', text, expect };
}
