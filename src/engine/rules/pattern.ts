/**
 * `pattern`: admin regular expressions, run in re2js (RE2 semantics: linear time, no
 * backreferences), so a pattern such as `(a+)+$` cannot hang the worker on a long draft.
 */
import { z } from 'zod';
import { RE2JS } from 're2js';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';

export const MAX_PATTERN_LENGTH = 500;
/** Regexes read at most this much of a draft: the engine's cap is for lexicons. */
export const MAX_PATTERN_INPUT = 20_000;

const Params = z.lazy(() =>
  z.strictObject({
    patterns: z.array(z.string().min(1).max(MAX_PATTERN_LENGTH)).min(1).max(50),
    caseSensitive: z.boolean().default(false),
    min: Num.default(1),
  }),
);

export const pattern: RuleType<z.infer<typeof Params>> = {
  type: 'pattern',
  history: false,
  params: Params,
  compile(params, ctx, path) {
    const compiled: RE2JS[] = [];
    params.patterns.forEach((source, i) => {
      try {
        compiled.push(RE2JS.compile(source, params.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE));
      } catch (e) {
        ctx.problem(`${path}.patterns[${i}]`, `not a valid RE2 pattern (${(e as Error).message})`);
      }
    });
    const min = ctx.num(params.min, `${path}.min`);
    return ({ doc }) => {
      const text = doc.text.length > MAX_PATTERN_INPUT ? doc.text.slice(0, MAX_PATTERN_INPUT) : doc.text;
      const evidence = [];
      for (const re of compiled) {
        const m = re.matcher(text);
        while (evidence.length < 20 && m.find()) {
          if (m.end() === m.start()) break; // an empty match would loop forever
          evidence.push({ text: text.slice(m.start(), m.end()), start: m.start(), end: m.end() });
        }
      }
      if (evidence.length < min || evidence.length === 0) return null;
      return { evidence: evidence.slice(0, 8), vars: { count: evidence.length } };
    };
  },
};
