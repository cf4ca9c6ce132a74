/**
 * The built-in pack's own examples, one test per example (textlint-style), so a failure names
 * the rule and the draft.
 */
import { describe, expect, it } from 'vitest';
import { defaultPackJson, runExamples } from '../../../src/engine/index.ts';
import { Pack, type Rule } from '../../../src/engine/pack/schema.ts';
import type { Example } from '../../../src/engine/pack/schema-parts.ts';
import { defaultPack, run } from './helpers.ts';
import { isPointingArrow, tokenize } from '../../../src/engine/text/tokenize.ts';
import { splitLanguage } from '../../../src/engine/text/lexicon.ts';

const source = Pack.parse(defaultPackJson);

/** Every phrase of every term list, with its list's name. */
function* termPhrases(): Generator<[name: string, phrase: string]> {
  for (const [name, list] of Object.entries(source.terms ?? {}))
    for (const phrase of Array.isArray(list) ? list : (list.add ?? [])) yield [name, phrase];
}

interface Case {
  rule: string;
  nudge: string;
  text: string;
  example: Exclude<Example, string>;
  rulePlatforms: Rule['platforms'];
  ruleKinds: Rule['kinds'];
}

function cases(which: 'fire' | 'pass'): Case[] {
  return source.rules.flatMap((rule) =>
    (rule.examples?.[which] ?? []).map((ex) => {
      const example = typeof ex === 'string' ? { text: ex } : ex;
      const short = example.text.length > 60 ? `${example.text.slice(0, 60)}…` : example.text;
      return {
        rule: rule.id,
        nudge: rule.nudge ?? rule.id.split('/')[0]!,
        text: short || '(empty draft, history only)',
        example,
        rulePlatforms: rule.platforms,
        ruleKinds: rule.kinds,
      };
    }),
  );
}

function firedOn(c: Case): string[] {
  const { example } = c;
  return run(defaultPack(), example.text, {
    platform: example.platform ?? c.rulePlatforms?.[0] ?? 'x',
    kind: example.kind ?? c.ruleKinds?.[0] ?? 'post',
    ...(example.history ? { history: example.history } : {}),
    ...(example.now ? { now: new Date(example.now) } : {}),
  }).all.map((n) => n.id);
}

describe('default pack examples', () => {
  it.each(cases('fire'))('$rule fires $nudge on $text', (c) => {
    expect(firedOn(c)).toContain(c.nudge);
  });

  it.each(cases('pass'))('$rule stays quiet on $text', (c) => {
    expect(firedOn(c)).not.toContain(c.nudge);
  });

  it('every draft rule has at least one pass example, and every rule a fire example unless it needs organisation terms', () => {
    for (const rule of source.rules) {
      expect(rule.examples?.pass.length ?? 0, rule.id).toBeGreaterThan(0);
      const needsOrg = JSON.stringify(rule.params).includes('"org.');
      if (!needsOrg) expect(rule.examples?.fire.length ?? 0, rule.id).toBeGreaterThan(0);
    }
  });

  it('runExamples finds no failure', () => {
    expect(runExamples(defaultPack())).toEqual([]);
  });

  it('has unique rule ids and compiles every rule', () => {
    const ids = source.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(defaultPack().rules.map((r) => r.id)).toEqual(ids);
  });

  it('every piece of every phrase is something a draft can hold (no piece the tokenizer drops)', () => {
    // "% off" once compiled to "off", "/month" to "month" and "by hand?" to "hand": a piece that
    // is punctuation, or carries punctuation matching ignores, widens the phrase silently.
    const lossy: string[] = [];
    for (const [name, phrase] of termPhrases()) {
      for (const piece of splitLanguage(phrase)[0].trim().toLowerCase().split(/\s+/)) {
        // A lone pointing arrow ("→ <url>") is the parser's own token: see parsePhrase.
        if (
          piece.startsWith('<') ||
          piece.endsWith('*') ||
          (piece.length === 1 && isPointingArrow(piece.charCodeAt(0)))
        )
          continue;
        const words = tokenize(piece).filter((t) => t.kind !== 'punct');
        const punct = /^[^\p{L}\p{N}\p{Extended_Pictographic}#@$+]|[?!¿¡]/u.test(piece);
        if (words.length === 0 || punct) lossy.push(`${name}: "${phrase}"`);
      }
    }
    expect(lossy).toEqual([]);
  });

  it('no term list holds one phrase twice, however it is written ("¿quieres que te", "quieres que te")', () => {
    // A repeat adds nothing but bytes to every worker start, and hides that a list was edited twice.
    const seen = new Set<string>();
    const twice: string[] = [];
    for (const [name, phrase] of termPhrases()) {
      const [text, lang] = splitLanguage(phrase);
      const form = /[<*]/.test(text)
        ? text.trim().toLowerCase().split(/\s+/).join(' ')
        : tokenize(text)
            .filter((t) => t.kind !== 'punct')
            .map((t) => t.norm)
            .join(' ');
      const key = `${name}\u0000${lang ?? ''}\u0000${form}`;
      if (seen.has(key)) twice.push(`${name}: "${phrase}"`);
      seen.add(key);
    }
    expect(twice).toEqual([]);
  });

  it('no phrase written without a placeholder matches only figures ("+1" compiled to <number>)', () => {
    const bare: string[] = [];
    for (const [name, phrase] of termPhrases()) {
      if (phrase.includes('<')) continue;
      const tokens = tokenize(splitLanguage(phrase)[0]).filter((t) => t.kind !== 'punct');
      if (tokens.length && tokens.every((t) => t.norm.startsWith('<'))) bare.push(`${name}: "${phrase}"`);
    }
    expect(bare).toEqual([]);
  });

  it('pure-promotion/askless reads the clauses as pure-promotion does (shared tags stay identical)', () => {
    // The second rule copies the first's tags in the pack file; a tag edited in one only would make
    // the two routes to the nudge disagree about what a pitch is.
    const tagsOf = (id: string) =>
      new Map(
        (
          (source.rules.find((r) => r.id === id)?.params as { tags?: { name: string }[] } | undefined)
            ?.tags ?? []
        ).map((t) => [t.name, t]),
      );
    const main = tagsOf('pure-promotion');
    const askless = tagsOf('pure-promotion/askless');
    const shared = [...askless.keys()].filter((name) => main.has(name));
    expect(shared.length).toBeGreaterThan(10);
    for (const name of shared) expect(askless.get(name), name).toEqual(main.get(name));
  });
});
