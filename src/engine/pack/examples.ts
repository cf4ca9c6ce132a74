// STUB
import type { CompiledPack } from './compile.ts';
export interface ExampleFailure {
  rule: string;
  expected: 'fire' | 'pass';
  text: string;
}
export function runExamples(_pack: CompiledPack): ExampleFailure[] {
  return [];
}
