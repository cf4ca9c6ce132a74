import { benchHistory } from '../bench/history.ts';
import { draftSets } from '../bench/drafts.ts';
import { check, compilePack, defaultPackJson, HistorySummary, isPromotional } from '../src/engine/index.ts';
import { prepare } from '../src/background/ledger-record.ts';
import { analyse } from '../src/engine/text/features.ts';
const NOW = new Date('2026-11-10T12:00:00Z');
const pack = compilePack(defaultPackJson);
const ev = benchHistory(5000, NOW);
const kept = new HistorySummary();
for (const e of ev) {
  const p = prepare(e, (d) => isPromotional(pack, d));
  if (p.ok) kept.add(p.record.event, { key: p.record.key, fingerprint: p.record.fingerprint ?? [] });
}
const empty = new HistorySummary();
const drafts = draftSets()[0]!.drafts;
const cpu = (f: () => void, n: number) => {
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) f();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / n;
};
console.log(check(drafts[0]!, pack, { summary: kept, now: NOW }).all.map((n) => n.id));
for (let r = 0; r < 3; r++) {
  let a = 0,
    b = 0;
  for (const d of drafts) {
    cpu(() => check(d, pack, { summary: empty, now: NOW }), 50);
    a += cpu(() => check(d, pack, { summary: empty, now: NOW }), 300);
    cpu(() => check(d, pack, { summary: kept, now: NOW }), 50);
    b += cpu(() => check(d, pack, { summary: kept, now: NOW }), 300);
  }
  console.log('empty', (a / 20).toFixed(1), 'kept', (b / 20).toFixed(1));
}
for (const rule of pack.rules.filter((r) => r.history)) {
  let tot = 0;
  for (const d of drafts) {
    const doc = analyse(d.text);
    const env = { doc, hits: pack.lexicon.match(doc.tokens), draft: d, summary: kept, now: NOW };
    tot += cpu(() => rule.evaluate(env as never), 1000);
  }
  console.log(rule.id, (tot / 20).toFixed(2));
}
import { fingerprint } from '../src/engine/index.ts';
const fps = drafts.map((d) => fingerprint(analyse(d.text).tokens));
for (let k = 0; k < 3; k++) {
  console.log(
    'similar kept µs',
    cpu(() => {
      for (const fp of fps) kept.similar(fp, NOW.getTime() - 14 * 86400000, NOW.getTime(), 0.6, 'x');
    }, 500) / 20,
  );
  console.log(
    'fp µs',
    cpu(() => {
      for (const d of drafts) fingerprint(analyse(d.text).tokens);
    }, 200) / 20,
    'analyse only',
    cpu(() => {
      for (const d of drafts) analyse(d.text);
    }, 200) / 20,
  );
}
for (let r = 0; r < 3; r++) {
  let a = 0,
    b = 0,
    c = 0;
  for (const d of drafts) {
    a += cpu(() => check(d, pack, { now: NOW }), 300);
    b += cpu(() => check(d, pack, { summary: empty, now: NOW }), 300);
    c += cpu(() => check(d, pack, { summary: kept, now: NOW }), 300);
  }
  console.log('none', (a / 20).toFixed(1), 'empty', (b / 20).toFixed(1), 'kept', (c / 20).toFixed(1));
}
