/** `rapport check`: score one draft against the rule pack, as the extension would. */
import * as z from 'zod';
import { check, KINDS, PLATFORMS, type CheckResult, type Nudge } from '../engine/index.ts';
import { filePath, isoInstant, oneOf, parseCommand } from './args.ts';
import { EXIT, UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { loadHistory } from './load-history.ts';
import { loadPack } from './load-pack.ts';
import { clip, printable, toJson } from './output.ts';

/** Well above the engine's own cap; past this the CLI refuses to read rather than buffer without end. */
export const MAX_DRAFT_BYTES = 8 * 2 ** 20;

export const EMPTY_NOTE = 'The draft is empty: there is nothing to coach.';

const schema = z.object({
  platform: oneOf(PLATFORMS).default('x'),
  kind: oneOf(KINDS).default('post'),
  pack: filePath('a rule pack FILE').optional(),
  history: filePath('a history FILE (JSON Lines)').optional(),
  now: isoInstant.optional(),
  json: z.boolean().default(false),
  text: z.string().optional(),
});

const options = {
  platform: { type: 'string' },
  kind: { type: 'string' },
  pack: { type: 'string' },
  history: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean' },
} as const;

async function readDraft(io: Io, text: string | undefined): Promise<string> {
  if (text !== undefined && text !== '-') return text;
  if (text === undefined && io.stdinIsTTY) {
    throw new UsageError('no draft given: pass the TEXT, or pipe it in (or use "-" to read stdin)', 'check');
  }
  return new TextDecoder().decode(await io.readStdin(MAX_DRAFT_BYTES));
}

/** The documented JSON shape: only the public fields, so internal ones never leak into scripts. */
function publicNudge(nudge: Nudge): Nudge {
  const { id, severity, title, reason, suggestion, evidence } = nudge;
  return { id, severity, title, reason, suggestion, evidence };
}

function formatNudge(nudge: Nudge): string {
  const evidence = nudge.evidence.map((e) => `"${printable(clip(e.text, 80))}"`).join(', ');
  return [
    `${nudge.severity.padEnd(4)}  ${printable(nudge.id)} — ${printable(nudge.title)}`,
    `      why:      ${printable(nudge.reason)}`,
    `      try:      ${printable(nudge.suggestion)}`,
    ...(evidence ? [`      evidence: ${evidence}`] : []),
  ].join('\n');
}

export function formatCheck(result: CheckResult): string {
  const lines = [`score ${result.score}/100 (${printable(result.band)})`, ''];
  if (result.nudges.length === 0) lines.push('No nudges for this draft.', '');
  for (const nudge of result.nudges) lines.push(formatNudge(nudge), '');
  for (const note of result.notes) lines.push(`note: ${printable(note)}`);
  return `${lines.join('\n').trimEnd()}\n`;
}

export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommand('check', argv, options, ['text'], schema);
  const text = await readDraft(io, args.text);
  const pack = await loadPack(io, args.pack);
  const history = args.history === undefined ? undefined : await loadHistory(io, args.history);
  const result = check({ text, platform: args.platform, kind: args.kind }, pack, {
    ...(history ? { history } : {}),
    now: args.now ?? new Date(),
  });
  const notes = [...result.notes];
  if (text.trim() === '' && notes.length === 0) notes.push(EMPTY_NOTE);
  const shown = { ...result, notes };
  if (args.json) {
    const { score, band, nudges, truncated } = shown;
    io.stdout(toJson({ score, band, nudges: nudges.map(publicNudge), notes, truncated }));
  } else {
    io.stdout(formatCheck(shown));
  }
  return EXIT.ok;
}
