import { benchHistory } from '../bench/history.ts';
import { draftSets } from '../bench/drafts.ts';
import { summarise, fingerprint } from '../src/engine/index.ts';
const NOW = new Date('2026-11-10T12:00:00Z');
const ev = benchHistory(5000, NOW);
const idx = new Map<number, number>();
for (const e of ev)
  if (e.type === 'published' && e.text)
    for (const h of fingerprint(e.text)) idx.set(h, (idx.get(h) ?? 0) + 1);
const sizes = [...idx.values()].sort((a, b) => b - a);
console.log('distinct', idx.size, 'top', sizes.slice(0, 10), '>32:', sizes.filter((x) => x > 32).length);
for (const d of draftSets()[0]!.drafts.slice(0, 8)) {
  const fp = fingerprint(d.text);
  let visits = 0;
  for (const h of fp) visits += idx.get(h) ?? 0;
  console.log(d.label, fp.length, 'visits', visits);
}
const s = summarise(ev);
const drafts = draftSets()[0]!.drafts;
const fps = drafts.map((d) => fingerprint(d.text));
for (let k = 0; k < 3; k++) {
  let t = process.cpuUsage();
  for (let i = 0; i < 2000; i++)
    for (const fp of fps) s.similar(fp, NOW.getTime() - 14 * 86400000, NOW.getTime(), 0.6, 'x');
  let u = process.cpuUsage(t);
  console.log('similar µs', (u.user + u.system) / 40000);
  t = process.cpuUsage();
  for (let i = 0; i < 2000; i++) for (const d of drafts) fingerprint(d.text);
  u = process.cpuUsage(t);
  console.log('fingerprint(text) µs', (u.user + u.system) / 40000);
}
