import { tokenize, type Token } from './tokenize.ts';

/** Word trigrams (links, mentions and hashtags left out: they change between networks). */
export function shingles(source: string | readonly Token[]): Set<string> {
  const tokens = typeof source === 'string' ? tokenize(source) : source;
  const words = tokens
    .filter((t) => t.kind === 'word' || t.kind === 'number' || t.kind === 'price' || t.kind === 'percent')
    .map((t) => (t.kind === 'word' ? t.norm : t.norm));
  const out = new Set<string>();
  if (words.length < 3) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) inter++;
  return inter / (a.size + b.size - inter);
}
