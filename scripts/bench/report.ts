/**
 * Plain-text tables for the terminal. Numbers keep three significant digits: the bench's noise is
 * larger than that anyway.
 */
import { TOOL_NAMES, type EngineBenchResult } from './engine.ts';
import type { Linearity, Target } from './targets.ts';
import type { HistoryBenchResult } from './history.ts';

export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  return value.toPrecision(digits);
}

/** First column left-aligned, numbers right-aligned; `leftAll` for columns of prose. */
export function table(header: string[], rows: string[][], leftAll = false): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 || leftAll ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function engineReport(engine: EngineBenchResult, lin: Linearity | null): string {
  const out: string[] = [];
  for (const size of engine.sizes) {
    const rapport = size.tools.rapport.medianUs;
    out.push(
      `\n${size.size.toLocaleString('en-US')}-char drafts — ${size.drafts} drafts, mean ${Math.round(size.meanChars)} chars, ${size.rounds} rounds` +
        (size.truncatedDrafts ? ` (Rapport capped ${size.truncatedDrafts} of them)` : ''),
    );
    out.push(
      table(
        ['tool', 'median µs', 'p95 µs', 'samples', 'median / Rapport'],
        TOOL_NAMES.map((name) => {
          const t = size.tools[name];
          if (!t) return [name, '—', '—', 'not run', '—'];
          return [name, fmt(t.medianUs), fmt(t.p95Us), String(t.samples), fmt(t.medianUs / rapport) + '×'];
        }),
      ),
    );
  }
  if (lin) {
    out.push('\nRapport linearity (Rapport alone, every size in each round)');
    out.push(
      table(
        ['size', 'µs per 1,000 chars'],
        lin.perKchar.map((p) => [p.size.toLocaleString('en-US'), fmt(p.usPerKchar)]),
      ),
    );
    out.push(
      `max/min per-1k cost ${fmt(lin.ratio)}×, R² ${lin.r2.toFixed(4)} (fit: ${fmt(lin.slopeUsPerKchar)} µs/1k chars + ${fmt(lin.interceptUs)} µs), growth exponent 3k→30k ${fmt(lin.exponent)}`,
    );
  }
  return out.join('\n');
}

export function targetsReport(targets: Target[]): string {
  return table(
    ['target', 'measured', 'bound', 'result'],
    targets.map((t) => [
      t.name,
      t.value === null ? '—' : `${fmt(t.value)}${t.unit === '×' ? '×' : t.unit ? ' ' + t.unit : ''}`,
      `${t.op === '<=' ? '≤' : '≥'} ${t.bound}${t.unit === '×' ? '×' : t.unit ? ' ' + t.unit : ''}`,
      t.status + (t.note && t.status === 'SKIP' ? ` (${t.note})` : ''),
    ]),
  );
}

export function historyReport(h: HistoryBenchResult): string {
  const us = (v: number) => `${fmt(v)} µs`;
  const ms = (v: number) => `${fmt(v)} ms`;
  return [
    `\nHistory — ${h.events.toLocaleString('en-US')} events over 90 days (${h.waiting} comments waiting), ${h.drafts} drafts of ≤ 280 chars, ${h.rounds} rounds; mean of each draft's median`,
    table(
      ['path', 'empty history', `${h.events.toLocaleString('en-US')} events`, 'ratio'],
      [
        ['worker: kept summary', us(h.worker.emptyUs), us(h.worker.fullUs), `${fmt(h.worker.ratio)}×`],
        ['check() with raw history', us(h.raw.emptyUs), us(h.raw.fullUs), `${fmt(h.raw.ratio)}×`],
        ['no history at all', us(h.noHistoryUs), '—', '—'],
      ],
    ),
    table(
      ['once', 'cost'],
      [
        ['first check() on the raw events (summarised, posts classified as needed)', ms(h.raw.firstCallMs)],
        ['recording the events as the ledger does (classify, fingerprint, trim)', ms(h.recordMs)],
        ["rebuilding the worker's summary from its records (a worker start)", ms(h.rebuildMs)],
        [
          `ledger append on a full ledger (${h.append.ledgerSize.toLocaleString('en-US')}), fake-indexeddb in node: p50 / p95 of ${h.append.samples}`,
          `${fmt(h.append.p50Ms)} / ${fmt(h.append.p95Ms)} ms`,
        ],
      ],
      true,
    ),
  ].join('\n');
}
