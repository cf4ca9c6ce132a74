/**
 * The extension's own costs in real Chromium. (Being written: measurements land with the content script.)
 */
import type { Target } from './targets.ts';

export type BrowserBenchResult =
  { skipped: string } | { rows: string[][]; targets: Target[]; raw: Record<string, unknown> };

export interface BrowserBenchOptions {
  root: string;
  log: (line: string) => void;
  quick: boolean;
}

export async function runBrowserBench(_opts: BrowserBenchOptions): Promise<BrowserBenchResult> {
  return { skipped: 'not implemented yet' };
}
