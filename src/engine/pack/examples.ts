/** Every rule's own examples, run through the whole pack as a person's draft would be. */
import type { CompiledPack } from './compile.ts';
import { check } from '../check.ts';
import type { Example } from './schema-parts.ts';

export interface ExampleFailure {
  rule: string;
  nudge: string;
  expected: 'fire' | 'pass';
  text: string;
}

export function runExamples(pack: CompiledPack): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const rule of pack.rules) {
    if (!rule.examples) continue;
    const run = (ex: Example, expected: 'fire' | 'pass'): void => {
      const e = typeof ex === 'string' ? { text: ex } : ex;
      const draft = {
        text: e.text,
        platform: e.platform ?? [...(rule.platforms ?? ['x' as const])][0]!,
        kind: e.kind ?? [...(rule.kinds ?? ['post' as const])][0]!,
      };
      const result = check(draft, pack, {
        ...(e.history ? { history: e.history } : {}),
        ...(e.now ? { now: new Date(e.now) } : {}),
      });
      const fired = result.all.some((n) => n.id === rule.nudge);
      if (fired !== (expected === 'fire'))
        failures.push({ rule: rule.id, nudge: rule.nudge, expected, text: e.text });
    };
    for (const ex of rule.examples.fire) run(ex, 'fire');
    for (const ex of rule.examples.pass) run(ex, 'pass');
  }
  return failures;
}
