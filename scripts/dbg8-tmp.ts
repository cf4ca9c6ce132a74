import { benchHistory } from '../bench/history.ts';
import { draftSets } from '../bench/drafts.ts';
import { check, compilePack, defaultPackJson, HistorySummary, isPromotional } from '../src/engine/index.ts';
import { prepare } from '../src/background/ledger-record.ts';
const NOW = new Date('2026-11-10T12:00:00Z');
const pack = compilePack(defaultPackJson);
const ev = benchHistory(5000, NOW);
const kept = new HistorySummary();
for (const e of ev) {
  const p = prepare(e, (d) => isPromotional(pack, d));
  if (p.ok) kept.add(p.record.event, { key: p.record.key, fingerprint: p.record.fingerprint ?? [] });
}
const sum = process.argv[2] === 'full' ? kept : new HistorySummary();
const drafts = draftSets()[0]!.drafts;
const t = process.cpuUsage();
for (let k = 0; k < 1500; k++) for (const d of drafts) check(d, pack, { summary: sum, now: NOW });
const u = process.cpuUsage(t);
console.log(process.argv[2], (u.user + u.system) / 30000);
