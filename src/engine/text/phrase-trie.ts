/**
 * A lexicon's phrases as one trie over token labels, held in typed arrays. Matching at a token
 * walks down from the root one token at a time, so every phrase sharing a beginning is tried
 * once for all its lists, and a step is one probe into one flat table. The buckets of phrase
 * objects this replaces were a chain of objects, maps and arrays spread over the heap: the
 * matcher ran between the tokenizer and the rules, which evict them from the caches, and most
 * of its time was spent waiting on those reads.
 *
 * A label is what one part of a phrase asks of a token: a word by its vocabulary id (>= 0), a
 * word the vocabulary does not hold by a number of this trie's own (LOCAL_BASE and below), a kind
 * of token (-1 - its code), or a name (NAME_LABEL). Prefix parts ("synerg*") are edges kept
 * apart, tested on the token's string: a pack has few.
 */
import { charCode, codeAt } from './code-at.ts';
import type { Token, TokenKind } from './tokenize.ts';
import { internable, VOCABULARY } from './vocabulary.ts';

// One object shape for every part keeps parsing monomorphic.
export const EXACT = 0;
export const PREFIX = 1;
export const KIND = 2;
export const NAME = 3;
export interface Part {
  type: typeof EXACT | typeof PREFIX | typeof KIND | typeof NAME;
  /** The word or prefix; for a kind placeholder, the token kind; for a name, "<name>". */
  value: string;
  /** An exact word's vocabulary id, or -1. */
  id: number;
}

const KINDS: readonly TokenKind[] = [
  'word',
  'url',
  'email',
  'phone',
  'mention',
  'hashtag',
  'cashtag',
  'emoji',
  'number',
  'price',
  'percent',
  'discount',
  'punct',
];
const KIND_LABEL = new Map<string, number>(KINDS.map((kind, code) => [kind, -1 - code]));
/** The label of the kind most tokens are: a word matches "<word>" under it. */
export const WORD_LABEL = -1;
export const NAME_LABEL = -1 - KINDS.length;
const LOCAL_BASE = NAME_LABEL - 1;
/** A token no word edge can take: a word no phrase names. */
export const NO_LABEL = -0x80000000;

/** The kind label of a token that is not a word. */
export function kindLabel(kind: TokenKind): number {
  return KIND_LABEL.get(kind) ?? NO_LABEL;
}

// Node flags: which kinds of edge leave a node, so a step looks only for those.
export const HAS_WORD = 1;
export const HAS_KIND = 2;
export const HAS_NAME = 4;
export const HAS_PREFIX = 8;

/** Numbers a node keeps in `info`: its flags, then where its ends start in `ends`. */
export const NODE = 2;
/** Numbers an end (a phrase ending at a node) keeps in `ends`: list, language, excepted language. */
export const END = 3;

interface PrefixEdge {
  value: string;
  child: number;
}

/** The first three characters as one number (no string allocated on the hot path). */
export function prefixKey(word: string): number | string {
  const a = charCode(word, 0);
  const b = codeAt(word, 1);
  const c = codeAt(word, 2);
  return a < 256 && b < 256 && c < 256 ? (a << 16) | (b << 8) | c : word.slice(0, 3);
}

function slotOf(node: number, label: number, mask: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(label, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

export class PhraseTrie {
  /**
   * The edges by (node, label), open addressing, four numbers a slot (node + 1, 0 for an empty
   * slot; label; child; unused), so a probe reads one place in memory.
   */
  private edges = new Int32Array(4 << 12);
  private edgeCount = 0;
  private nodes = 1;
  // While filing: per node, its flags and its ends as a chain (first end, then each end's next).
  private readonly flags: number[] = [0];
  private readonly firstEnd: number[] = [-1];
  private readonly endChain: number[] = [];
  /** Ends while filing, END numbers each. */
  private readonly endList: number[] = [];
  private readonly prefixEdges = new Map<number, PrefixEdge[]>();
  /** Root children by vocabulary id, while filing. */
  private readonly rootWords: number[] = [];
  /** Labels of the exact words that have no vocabulary id. */
  private readonly locals = new Map<string, number>();
  /** Whether one of those is a word the tokenizer looks up: then no unknown word is ruled out. */
  private internableLocal = false;

  // Sealed: what matching reads.
  /** Per node: flags, then the index in `ends` of its first end; its last is before the next node's. */
  info = new Int32Array(NODE);
  ends = new Int32Array(0);
  /**
   * Per vocabulary id below `size`, two numbers: the root's child for that word (0 for none),
   * and 1 + where the root's prefix children it opens start in `rootPrefixChildren` (0 for none).
   */
  rootWord = new Int32Array(0);
  rootPrefixChildren = new Int32Array(1);
  /** The vocabulary's size when sealed: ids from then on name no phrase's word. */
  size = 0;
  /** Root prefix edges by their first three letters, for words with no id below `size`. */
  readonly rootPrefixes = new Map<number | string, PrefixEdge[]>();
  private readonly prefixFilter = new Uint8Array(1 << 16);

  /** Adds a phrase ending in `list`, with its language and excepted language as small numbers (-1: none). */
  add(parts: readonly Part[], list: number, lang: number, except: number): void {
    let node = 0;
    for (const part of parts) node = this.step(node, part);
    this.endList.push(list, lang, except);
    this.endChain.push(this.firstEnd[node]!);
    this.firstEnd[node] = this.endChain.length - 1;
  }

  /** The child of `node` along `part`, made when it is new. */
  private step(node: number, part: Part): number {
    if (part.type === PREFIX) {
      this.flags[node]! |= HAS_PREFIX;
      let out = this.prefixEdges.get(node);
      if (!out) this.prefixEdges.set(node, (out = []));
      for (const edge of out) if (edge.value === part.value) return edge.child;
      const child = this.newNode();
      out.push({ value: part.value, child });
      if (node === 0) {
        const key = prefixKey(part.value);
        this.prefixFilter[typeof key === 'number' ? key & 0xffff : 0] = 1;
        const same = this.rootPrefixes.get(key);
        if (same) same.push({ value: part.value, child });
        else this.rootPrefixes.set(key, [{ value: part.value, child }]);
      }
      return child;
    }
    let label: number;
    if (part.type === KIND) {
      this.flags[node]! |= HAS_KIND;
      label = kindLabel(part.value as TokenKind);
    } else if (part.type === NAME) {
      this.flags[node]! |= HAS_NAME;
      label = NAME_LABEL;
    } else {
      this.flags[node]! |= HAS_WORD;
      label = part.id >= 0 ? part.id : this.localLabel(part.value);
    }
    const found = this.child(node, label);
    if (found) return found;
    const child = this.newNode();
    this.insert(node, label, child);
    if (node === 0 && label >= 0) {
      while (this.rootWords.length <= label) this.rootWords.push(0);
      this.rootWords[label] = child;
    }
    return child;
  }

  private localLabel(word: string): number {
    let label = this.locals.get(word);
    if (label === undefined) {
      label = LOCAL_BASE - this.locals.size;
      this.locals.set(word, label);
      if (internable(word)) this.internableLocal = true;
    }
    return label;
  }

  private newNode(): number {
    this.flags.push(0);
    this.firstEnd.push(-1);
    return this.nodes++;
  }

  private insert(node: number, label: number, child: number): void {
    if ((this.edgeCount + 1) * 2 * 4 > this.edges.length) this.grow();
    const edges = this.edges;
    const mask = (edges.length >> 2) - 1;
    let s = slotOf(node, label, mask);
    while (edges[s << 2] !== 0) s = (s + 1) & mask;
    const at = s << 2;
    edges[at] = node + 1;
    edges[at + 1] = label;
    edges[at + 2] = child;
    this.edgeCount++;
  }

  private grow(): void {
    const old = this.edges;
    this.edges = new Int32Array(old.length * 2);
    this.edgeCount = 0;
    for (let at = 0; at < old.length; at += 4)
      if (old[at] !== 0) this.insert(old[at]! - 1, old[at + 1]!, old[at + 2]!);
  }

  /** The child of `node` along `label`, or 0 (the root is no one's child). */
  child(node: number, label: number): number {
    const edges = this.edges;
    const mask = (edges.length >> 2) - 1;
    const key = node + 1;
    for (let s = slotOf(node, label, mask); ; s = (s + 1) & mask) {
      const at = s << 2;
      const k = edges[at]!;
      if (k === 0) return 0;
      if (k === key && edges[at + 1] === label) return edges[at + 2]!;
    }
  }

  /** The prefix edges leaving `node`. */
  prefixesOf(node: number): readonly PrefixEdge[] {
    return this.prefixEdges.get(node) ?? [];
  }

  /** Root prefix edges a word with no id below `size` opens, or undefined. */
  rootPrefixesOf(word: string): readonly PrefixEdge[] | undefined {
    const key = prefixKey(word);
    return this.prefixFilter[typeof key === 'number' ? key & 0xffff : 0]
      ? this.rootPrefixes.get(key)
      : undefined;
  }

  /**
   * The label a token's word goes by, or NO_LABEL when no phrase names it. By its id where it has
   * one; a word looked up and not found among words all filed before this trie was sealed (id -2 - n,
   * n >= size) names none, unless one is a word the vocabulary could not hold.
   */
  labelOf(t: Token): number {
    const id = t.id;
    if (id >= 0) return id;
    if (id < -1 && !this.internableLocal && -2 - id >= this.size) return NO_LABEL;
    const norm = t.norm;
    const local = this.locals.get(norm);
    if (local !== undefined) return local;
    // Not looked up by the tokenizer, or looked up before the vocabulary grew: by its string.
    if (!internable(norm)) return NO_LABEL;
    const known = VOCABULARY.idOf(norm);
    return known >= 0 && known < this.size ? known : NO_LABEL;
  }

  /**
   * Freezes what was filed into the arrays matching reads: node flags and ends side by side, and
   * the root's children by vocabulary id with the prefix phrases each word opens folded in, so a
   * known word costs one read there. Filing more later (see Lexicon.fileBare) seals again.
   */
  seal(): void {
    const size = VOCABULARY.size;
    this.size = size;
    const nodes = this.nodes;
    const info = new Int32Array((nodes + 1) * NODE);
    const ends = new Int32Array(this.endList.length);
    let n = 0;
    for (let node = 0; node < nodes; node++) {
      info[node * NODE] = this.flags[node]!;
      info[node * NODE + 1] = n;
      for (let e = this.firstEnd[node]!; e >= 0; e = this.endChain[e]!) {
        ends[n++] = this.endList[e * END]!;
        ends[n++] = this.endList[e * END + 1]!;
        ends[n++] = this.endList[e * END + 2]!;
      }
    }
    info[nodes * NODE + 1] = n;
    this.info = info;
    this.ends = ends;

    const rootWord = new Int32Array(size * 2);
    const prefixChildren: number[] = [0];
    const hasPrefixes = this.rootPrefixes.size > 0;
    for (let id = 0; id < size; id++) {
      rootWord[id * 2] = this.rootWords[id] ?? 0;
      if (!hasPrefixes) continue;
      const word = VOCABULARY.word(id);
      if (word.length < 3) continue;
      const opened = this.rootPrefixesOf(word);
      if (!opened) continue;
      const start = prefixChildren.length;
      for (const edge of opened) if (word.startsWith(edge.value)) prefixChildren.push(edge.child);
      if (prefixChildren.length === start) continue;
      prefixChildren.push(0);
      rootWord[id * 2 + 1] = start + 1;
    }
    this.rootWord = rootWord;
    this.rootPrefixChildren = Int32Array.from(prefixChildren);
  }
}
