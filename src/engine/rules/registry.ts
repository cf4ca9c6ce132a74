/** Every rule type a pack may use. Adding a type: one file in this folder, one line here. */
import type { RuleType } from './rule-type.ts';
import { signals } from './signals.ts';
import { clauses } from './clauses.ts';
import { lexicon } from './lexicon.ts';
import { pattern } from './pattern.ts';
import { metric } from './metric.ts';
import { disclosure } from './disclosure.ts';
import { unanswered } from './unanswered.ts';
import { ratio } from './ratio.ts';
import { burst } from './burst.ts';
import { silence } from './silence.ts';
import { nearDuplicate } from './near-duplicate.ts';

// The params type differs per rule type; the registry only needs the shared surface.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRuleType = RuleType<any>;

export const RULE_TYPES: ReadonlyMap<string, AnyRuleType> = new Map(
  [
    signals,
    clauses,
    lexicon,
    pattern,
    metric,
    disclosure,
    unanswered,
    ratio,
    burst,
    silence,
    nearDuplicate,
  ].map((t) => [t.type, t as AnyRuleType]),
);
