// STUB
import type { CompiledPack } from './pack/compile.ts';
import type { Kind, Platform } from './types.ts';
export interface EvalRow {
  id: string;
  platform: Platform;
  kind: Kind;
  text: string;
  expect: string[];
  allow?: string[];
}
export interface EvalReport {
  perId: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
  misses: { row: string; id: string; kind: 'fp' | 'fn' }[];
  confusion: Record<string, Record<string, number>>;
}
export function evaluate(_rows: EvalRow[], _pack: CompiledPack): EvalReport {
  return { perId: {}, misses: [], confusion: {} };
}
