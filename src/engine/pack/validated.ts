/**
 * A pack checked once and compiled many times without its schema: the built-in pack is part of the
 * CLI bundle, not input, so the build runs `validatePack` on it (and fails on any problem) and the
 * bundle carries the result; each `rapport` call then skips the zod parse, the larger part of
 * compiling it. Packs from users, admins or files always go through `compilePack` instead.
 */
import { PackError, REPORT_INPUT, describeIssues } from './errors.ts';
import { Pack } from './schema.ts';
import { compileParsed, type CompiledPack, type CompileOptions } from './compile.ts';
import { RULE_TYPES } from '../rules/registry.ts';
import type { LexiconImages } from '../text/lexicon.ts';

export interface ValidatedPack {
  /** `Pack`'s output: defaults applied. */
  pack: Pack;
  /** Each rule's params as its type's schema outputs them, in the order of `pack.rules`. */
  params: Record<string, unknown>[];
}

/**
 * The schema's output for a whole pack that needs no base (it does not extend another), or a
 * PackError with every problem. Plain data only: the build writes it out as JSON.
 */
export function validatePack(json: unknown): ValidatedPack {
  const parsed = Pack.safeParse(json, REPORT_INPUT);
  if (!parsed.success) throw new PackError(describeIssues(parsed.error));
  const pack = parsed.data;
  if (pack.extends !== undefined) throw new PackError(['extends: a validated pack stands alone']);
  const problems: string[] = [];
  const params = pack.rules.map((rule, i) => {
    const result = RULE_TYPES.get(rule.type)?.params.safeParse(rule.params, REPORT_INPUT);
    if (result && !result.success) problems.push(...describeIssues(result.error, `rules[${i}].params`));
    return (result?.success ? result.data : rule.params) as Record<string, unknown>;
  });
  if (problems.length) throw new PackError(problems);
  // Everything past the schema (thresholds, term lists, regexes) is checked by compiling it.
  compileParsed(pack, undefined, { skipExamples: true }, params);
  return { pack, params };
}

/**
 * Compiles what `validatePack` returned, with no schema parse; expiry and the rest still apply.
 * Nor are its phrases checked again: `validatePack` compiled this same pack with every check, and
 * its term lists follow from the pack and params alone (every `rapport` call compiles the built-in
 * pack's twenty thousand phrases, checked once when the CLI was built). `lexiconImages`: images of
 * its lexicon made when the CLI was built, so its phrases need not be filed either (see LexiconImage).
 */
export function compileValidatedPack(
  validated: ValidatedPack,
  options: CompileOptions = {},
  lexiconImages?: LexiconImages,
): CompiledPack {
  return compileParsed(validated.pack, undefined, options, validated.params, true, lexiconImages);
}
