/**
 * An admin pack that says `"extends": "default"` is laid over the built-in pack: rules added or
 * replaced by id, rules disabled, wording and params overridden, term lists edited, thresholds
 * and organisation terms set. The result is a complete pack, compiled like any other.
 */
import type { Pack, Rule } from './schema.ts';

export interface Merged {
  pack: Pack;
  /** Rules whose examples still describe them (untouched by the admin, or the admin's own). */
  exampleRules: Set<string>;
}

const matchesRule = (key: string, r: Rule): boolean =>
  key === r.id || key === (r.nudge ?? r.id.split('/')[0]);

export function mergePacks(base: Pack, admin: Pack): Merged {
  const exampleRules = new Set<string>();
  const terms: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(base.terms))
    terms[name] = Array.isArray(list) ? [...list] : [...(list.add ?? [])];
  for (const [name, edit] of Object.entries(admin.terms)) {
    if (Array.isArray(edit)) terms[name] = [...edit];
    else {
      const remove = new Set((edit.remove ?? []).map((t) => t.toLowerCase()));
      terms[name] = [...(terms[name] ?? []), ...(edit.add ?? [])].filter((t) => !remove.has(t.toLowerCase()));
    }
  }
  const thresholdsChanged = Object.keys(admin.thresholds).some(
    (k) => admin.thresholds[k] !== base.thresholds[k],
  );
  // Organisation terms feed rules too (a confidential word may sit in a built-in example).
  const vocabularyChanged =
    Object.keys(admin.terms).length > 0 ||
    Object.values(admin.organisation ?? {}).some(
      (list) => list !== undefined && Object.keys(list).length > 0,
    );
  const adminIds = new Set(admin.rules.map((r) => r.id));
  const disabled = (rule: Rule): boolean =>
    adminIds.has(rule.id) || admin.disable.some((k) => matchesRule(k, rule));
  const changed = new Set<string>();
  for (const rule of base.rules) {
    if (disabled(rule)) changed.add(rule.nudge ?? rule.id.split('/')[0]!).add(rule.id);
  }
  for (const [key, o] of Object.entries(admin.overrides))
    if (o.params || o.platforms || o.kinds) changed.add(key);
  // Params belong to a rule type. An override by nudge id speaks in the terms of the nudge's own
  // rule (the one named as the nudge: `min` for pure-promotion's clauses); a rule of the nudge of
  // another type (pure-promotion/benefit, a signals rule) keeps its params, and is named by its id
  // to change them. Severity, wording, platforms and kinds reach every rule of the nudge.
  const typeOf = new Map(base.rules.map((r) => [r.id, r.type]));
  const paramsReach = (key: string, rule: Rule): boolean =>
    key === rule.id || (typeOf.get(key) ?? rule.type) === rule.type;
  const rules: Rule[] = [];
  for (const rule of base.rules) {
    if (disabled(rule)) continue;
    // A history rule that classifies past posts with another rule goes when that rule goes.
    const classifier = typeof rule.params.classifier === 'string' ? rule.params.classifier : undefined;
    if (classifier !== undefined && admin.disable.includes(classifier)) continue;
    let merged = rule;
    let touched =
      thresholdsChanged || vocabularyChanged || (classifier !== undefined && changed.has(classifier));
    for (const [key, o] of Object.entries(admin.overrides)) {
      if (!matchesRule(key, rule)) continue;
      const params = o.params && paramsReach(key, rule) ? o.params : undefined;
      merged = {
        ...merged,
        ...(o.severity ? { severity: o.severity } : {}),
        ...(o.platforms ? { platforms: o.platforms } : {}),
        ...(o.kinds ? { kinds: o.kinds } : {}),
        message: { ...merged.message, ...o.message },
        params: { ...merged.params, ...params },
      };
      if (params || o.platforms || o.kinds) touched = true;
    }
    if (touched) changed.add(rule.id).add(rule.nudge ?? rule.id.split('/')[0]!);
    if (!touched) exampleRules.add(rule.id);
    rules.push(merged);
  }
  for (const rule of admin.rules) {
    rules.push(rule);
    exampleRules.add(rule.id);
  }
  const org = (k: Exclude<keyof NonNullable<Pack['organisation']>, 'productDisclosures'>): string[] => [
    ...(base.organisation?.[k] ?? []),
    ...(admin.organisation?.[k] ?? []),
  ];
  const pack: Pack = {
    ...admin,
    extends: undefined,
    organisation: {
      names: org('names'),
      products: org('products'),
      disclosures: org('disclosures'),
      confidential: org('confidential'),
      // The admin's requirement for a product replaces the base pack's for the same product.
      productDisclosures: {
        ...base.organisation?.productDisclosures,
        ...admin.organisation?.productDisclosures,
      },
    },
    terms,
    thresholds: { ...base.thresholds, ...admin.thresholds },
    score: { ...base.score, ...admin.score },
    disable: [],
    overrides: {},
    rules,
  };
  return { pack, exampleRules };
}
