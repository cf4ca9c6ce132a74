/**
 * The engine's entry point: pure functions only (no DOM, no browser or Node API), shared by the
 * worker, the CLI, tests and the bench.
 *
 *   const pack = compilePack(defaultPackJson);            // throws PackError with JSON paths
 *   const admin = compilePack(adminJson, pack);            // an admin pack that "extends" the default
 *   const result = check({ text, platform: 'x', kind: 'post' }, pack, { history, now });
 *   const summary = summarise(events);                     // or kept up to date: summary.add(event)
 *   const again = check(draft, pack, { summary, now });    // history nudges read the summary
 *   const failures = runExamples(pack);                    // [] when every example behaves
 */
export * from './types.ts';
export {
  compilePack,
  compilePackText,
  isExpired,
  PackError,
  type CompiledPack,
  type CompileOptions,
} from './pack/compile.ts';
export { MAX_DRAFT_CHARS, MAX_SHOWN } from './check.ts';
export { SCORED_NUDGES } from './evaluate.ts';
export { check, isPromotional } from './check.ts';
export {
  HistorySummary,
  summarise,
  type PublishedEntry,
  type ReceivedEntry,
  type AddOptions,
} from './history/summary.ts';
export { eventKey, firstWords, isQuestion, FIRST_WORDS_CHARS, EXCERPT_CHARS } from './history/record.ts';
export { fingerprint, resemblance, FINGERPRINT_SIZE, type Fingerprint } from './text/fingerprint.ts';
export { compileValidatedPack, validatePack, type ValidatedPack } from './pack/validated.ts';
export type { LexiconImage, LexiconImages } from './text/lexicon.ts';
export { runExamples, type ExampleFailure } from './pack/examples.ts';
export { evaluate, type EvalRow, type EvalReport } from './evaluate.ts';
export { parseHistory } from './history/parse.ts';
export { defaultPackJson } from './default-pack.ts';
export { fitThresholds, objective, type FitOptions, type FitResult } from './fit.ts';
export { fitSignals, type SignalFit, type SignalFitOptions } from './fit-signals.ts';
