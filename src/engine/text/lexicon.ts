/**
 * All term lists of a pack compiled into one phrase index, matched in a single pass over the
 * tokens. A phrase is space-separated parts: a word ("offer"), a prefix ("synerg*"), or a
 * token-kind placeholder ("<percent> off", "<number> followers").
 * Phrases never span a sentence end, so "…shop. Now we…" is not "shop now".
 */
import { tokenize, type Token, type TokenKind } from './tokenize.ts';

export interface Match {
  /** Index of the first and one past the last matched token in `Doc.tokens`. */
  first: number;
  last: number;
  start: number;
  end: number;
}

type Part = { exact: string } | { prefix: string } | { kind: TokenKind };
interface Phrase {
  parts: Part[];
  list: number;
}

const PLACEHOLDERS: Record<string, TokenKind> = {
  '<price>': 'price',
  '<percent>': 'percent',
  '<number>': 'number',
  '<url>': 'url',
  '<mention>': 'mention',
  '<hashtag>': 'hashtag',
  '<emoji>': 'emoji',
};

function parsePhrase(phrase: string): Part[] {
  const parts: Part[] = [];
  for (const piece of phrase.trim().toLowerCase().split(/\s+/)) {
    if (!piece) continue;
    const kind = PLACEHOLDERS[piece];
    if (kind) parts.push({ kind });
    else if (piece.endsWith('*') && piece.length > 1)
      parts.push({ prefix: piece.slice(0, -1).replace(/’/g, "'") });
    else
      for (const t of tokenize(piece))
        if (t.kind !== 'punct')
          parts.push(
            t.kind === 'word' || t.kind === 'hashtag' || t.kind === 'mention' || t.kind === 'cashtag'
              ? { exact: t.norm }
              : { kind: t.kind },
          );
  }
  return parts;
}

function keyOf(part: Part): string {
  if ('exact' in part) return part.exact;
  if ('kind' in part) return `<${part.kind}>`;
  return `*${part.prefix.slice(0, 3)}`;
}

function partMatches(part: Part, t: Token): boolean {
  if ('exact' in part) return t.norm === part.exact;
  if ('kind' in part) return t.kind === part.kind;
  return t.kind === 'word' && t.norm.startsWith(part.prefix);
}

export class Lexicon {
  readonly names: readonly string[];
  private readonly index = new Map<string, Phrase[]>();

  constructor(lists: ReadonlyMap<string, readonly string[]>) {
    this.names = [...lists.keys()];
    this.names.forEach((name, list) => {
      for (const phrase of lists.get(name) ?? []) {
        const parts = parsePhrase(phrase);
        const head = parts[0];
        if (!head) continue;
        const key = keyOf(head);
        const bucket = this.index.get(key);
        if (bucket) bucket.push({ parts, list });
        else this.index.set(key, [{ parts, list }]);
      }
    });
  }

  /** Matches per list name; within one list the longest match wins and matches do not overlap. */
  match(tokens: readonly Token[]): Map<string, Match[]> {
    // Positions of matchable tokens, and the sentence each belongs to.
    const pos: number[] = [];
    const sentence: number[] = [];
    let s = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'punct') {
        if (t.norm !== ',' && t.norm !== ';') s++;
        continue;
      }
      pos.push(i);
      sentence.push(s);
    }
    const out = new Map<string, Match[]>();
    const lastEnd = new Array<number>(this.names.length).fill(0);
    const best = new Array<number>(this.names.length).fill(0);
    const touched: number[] = [];
    for (let p = 0; p < pos.length; p++) {
      const t = tokens[pos[p]!]!;
      touched.length = 0;
      this.tryBucket(this.index.get(t.norm), tokens, pos, sentence, p, best, touched);
      this.tryBucket(this.index.get(`<${t.kind}>`), tokens, pos, sentence, p, best, touched);
      if (t.kind === 'word' && t.norm.length >= 3)
        this.tryBucket(this.index.get(`*${t.norm.slice(0, 3)}`), tokens, pos, sentence, p, best, touched);
      for (const list of touched) {
        const len = best[list]!;
        best[list] = 0;
        if (p < lastEnd[list]!) continue;
        lastEnd[list] = p + len;
        const first = pos[p]!;
        const last = pos[p + len - 1]! + 1;
        const name = this.names[list]!;
        const m: Match = { first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end };
        const arr = out.get(name);
        if (arr) arr.push(m);
        else out.set(name, [m]);
      }
    }
    return out;
  }

  private tryBucket(
    bucket: Phrase[] | undefined,
    tokens: readonly Token[],
    pos: readonly number[],
    sentence: readonly number[],
    p: number,
    best: number[],
    touched: number[],
  ): void {
    if (!bucket) return;
    for (const phrase of bucket) {
      const n = phrase.parts.length;
      if (p + n > pos.length || n <= best[phrase.list]!) continue;
      let ok = true;
      for (let k = 0; k < n; k++) {
        if (sentence[p + k] !== sentence[p] || !partMatches(phrase.parts[k]!, tokens[pos[p + k]!]!)) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (best[phrase.list] === 0) touched.push(phrase.list);
      best[phrase.list] = n;
    }
  }
}
