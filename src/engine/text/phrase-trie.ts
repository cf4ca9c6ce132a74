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
export const FLAGS = 15;
/**
 * What ends at a node, in its meta after the flags: one phrase counted in every language, whose
 * list is the slot's data (read with the slot: most ends cost no other read); or others, whose
 * run in `ends` starts at the data (a count, then a list and its languages each).
 */
export const ONE_END = 16;
export const MANY_ENDS = 32;
/**
 * The rest of a node's meta is a filter of the labels its edges take, one bit of 26 a label: a
 * clear bit rules a token out without a probe into the table, and most probes find nothing (a
 * head word such as "free" is mostly followed by words it opens no phrase with).
 */
const FILTER_SHIFT = 6;
const FILTER_BITS = 26;
export function labelBit(label: number): number {
  // The hash's top 26 bits: a small integer, so the remainder stays in integer arithmetic.
  return 1 << (FILTER_SHIFT + ((Math.imul(label, 0x9e3779b1) >>> 6) % FILTER_BITS));
}
/**
 * A phrase's languages as one number: its language's code + 1 in the low ten bits, its excepted
 * language's code + 1 above them, 0 for none. Ten bits hold every code: a phrase's language is
 * two letters (see LANG_SUFFIX in lexicon.ts), 677 with the accentless one.
 */
export const LANGUAGE_CODE_BITS = 10;
const MAX_LANGUAGE = (1 << LANGUAGE_CODE_BITS) - 2;
export function packLanguages(lang: number, except: number): number {
  if (lang > MAX_LANGUAGE || except > MAX_LANGUAGE) throw new Error('too many phrase languages');
  return lang + 1 + ((except + 1) << LANGUAGE_CODE_BITS);
}
/** A prefix edge's child gets a label no token takes, so it has a slot and a meta of its own. */
const PREFIX_LABEL = NO_LABEL + 1;

interface PrefixEdge {
  value: string;
  child: number;
}

/**
 * What matching reads of a sealed trie, as plain data (see Lexicon.image): what a build can work
 * out once for a trusted pack and a process take up without filing a phrase. Its labels are
 * vocabulary ids, so it holds only beside the vocabulary it was made with (see LexiconImage).
 */
export interface TrieImage {
  size: number;
  slots: Int32Array;
  ends: Int32Array;
  rootWord: Int32Array;
  rootPrefixChildren: Int32Array;
  /** Words with no vocabulary id, in the order of their labels (LOCAL_BASE first). */
  locals: readonly string[];
  /** The prefix edges leaving each sealed node, in the order `seal` listed them. */
  prefixes: readonly (readonly [node: number, edges: readonly PrefixEdge[]])[];
}

/** The first three characters as one number (no string allocated on the hot path). */
function prefixKey(word: string): number | string {
  const a = charCode(word, 0);
  const b = codeAt(word, 1);
  const c = codeAt(word, 2);
  return a < 256 && b < 256 && c < 256 ? (a << 16) | (b << 8) | c : word.slice(0, 3);
}

/** A cheap slot for a word from its first two characters and length: no hashing of the string. */
function wordSlot(word: string): number {
  return ((charCode(word, 0) * 961 + codeAt(word, 1) * 31 + word.length) & 0xffff) >>> 0;
}

function slotOf(node: number, label: number, mask: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(label, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** Finds (node, label) in a table of four numbers a slot, the first node + 1 (0: empty). */
function probe(table: Int32Array, node: number, label: number): number {
  const mask = (table.length >> 2) - 1;
  const key = node + 1;
  for (let s = slotOf(node, label, mask); ; s = (s + 1) & mask) {
    const at = s << 2;
    const k = table[at]!;
    if (k === 0) return ~s;
    if (k === key && table[at + 1] === label) return s;
  }
}

export class PhraseTrie {
  // While filing, nodes are numbered as made, and edges are found by (parent, label) in `built`
  // (parent + 1, label, child, unused a slot). Sealing lays the nodes out for matching.
  private built = new Int32Array(4 << 12);
  private builtEdges = 0;
  private nodes = 1;
  private readonly parent: number[] = [-1];
  private readonly label: number[] = [0];
  private readonly flags: number[] = [0];
  /** Per node, the filter of its edges' labels (see labelBit). */
  private readonly filter: number[] = [0];
  /** Each node's ends as a chain: its last filed, then each end's previous one (-1 at the end). */
  private readonly lastEnd: number[] = [-1];
  private readonly endChain: number[] = [];
  /** Ends while filing, two numbers each: list, languages (see packLanguages). */
  private readonly endList: number[] = [];
  private readonly prefixEdges = new Map<number, PrefixEdge[]>();
  private prefixCount = 0;
  /** Root children by vocabulary id, while filing. */
  private readonly rootWords: number[] = [];
  /** Labels of the exact words that have no vocabulary id, and a filter of their first letters. */
  private readonly locals = new Map<string, number>();
  private readonly localFilter = new Uint8Array(1 << 16);
  /** Whether one of those is a word the tokenizer looks up: then no unknown word is ruled out. */
  private internableLocal = false;

  // Sealed: what matching reads.
  /**
   * The nodes, four numbers each, in an open-addressing table by (parent, label): parent + 1 (0
   * for an empty slot), label, meta (flags, ends and filter, see ONE_END), data. A node's id is its slot
   * + 1 (the root is 0), so a step finds the child and all it needs of it in one place in memory.
   */
  slots: Int32Array = new Int32Array(4);
  /** Runs of ends for nodes with MANY_ENDS. */
  ends: Int32Array = new Int32Array(0);
  /**
   * Per vocabulary id below `size`, four numbers: the root's child for that word (0 for none);
   * 1 + where the root's prefix children it opens start in `rootPrefixChildren` (0 for none); and
   * the child's meta and data, copied from its slot so that a word opening phrases costs one read.
   */
  rootWord: Int32Array = new Int32Array(0);
  rootPrefixChildren: Int32Array = new Int32Array(1);
  /** The vocabulary's size when sealed: ids from then on name no phrase's word. */
  size = 0;
  /** Root prefix edges by their first three letters, for words with no id below `size`. */
  private rootPrefixes = new Map<number | string, PrefixEdge[]>();
  private readonly prefixFilter = new Uint8Array(1 << 16);
  /** Prefix edges by the sealed id of the node they leave. */
  private sealedPrefixes = new Map<number, PrefixEdge[]>();
  /** Made from an image: it holds no filing state, so nothing more can be added to it. */
  private fromImage = false;

  /** A sealed trie as `image` describes it, matching as the one the image was taken of. */
  static fromImage(image: TrieImage): PhraseTrie {
    const trie = new PhraseTrie();
    trie.fromImage = true;
    trie.size = image.size;
    trie.slots = image.slots;
    trie.ends = image.ends;
    trie.rootWord = image.rootWord;
    trie.rootPrefixChildren = image.rootPrefixChildren;
    for (const word of image.locals) trie.localLabel(word);
    for (const [node, edges] of image.prefixes) {
      const copies = edges.map((edge) => ({ value: edge.value, child: edge.child }));
      trie.sealedPrefixes.set(node, copies);
      if (node === 0) trie.indexRootPrefixes(copies);
    }
    return trie;
  }

  /** The sealed trie as data (see TrieImage). */
  image(): TrieImage {
    return {
      size: this.size,
      slots: this.slots,
      ends: this.ends,
      rootWord: this.rootWord,
      rootPrefixChildren: this.rootPrefixChildren,
      locals: [...this.locals.keys()],
      prefixes: [...this.sealedPrefixes].map(([node, edges]) => [node, edges.map((e) => ({ ...e }))]),
    };
  }

  /** Adds a phrase ending in `list`, with its languages (see packLanguages). */
  add(parts: readonly Part[], list: number, languages: number): void {
    if (this.fromImage) throw new Error('a trie made from an image takes no more phrases');
    let node = 0;
    for (const part of parts) node = this.step(node, part);
    this.endList.push(list, languages);
    this.endChain.push(this.lastEnd[node]!);
    this.lastEnd[node] = this.endChain.length - 1;
  }

  /** The child of `node` along `part`, made when it is new. */
  private step(node: number, part: Part): number {
    if (part.type === PREFIX) {
      this.flags[node]! |= HAS_PREFIX;
      let out = this.prefixEdges.get(node);
      if (!out) this.prefixEdges.set(node, (out = []));
      for (const edge of out) if (edge.value === part.value) return edge.child;
      const child = this.newNode(node, PREFIX_LABEL + this.prefixCount++);
      out.push({ value: part.value, child });
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
    const s = probe(this.built, node, label);
    if (s >= 0) return this.built[(s << 2) + 2]!;
    this.filter[node]! |= labelBit(label);
    const child = this.newNode(node, label);
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
      this.localFilter[wordSlot(word)] = 1;
      if (internable(word)) this.internableLocal = true;
    }
    return label;
  }

  /** A new node under `parent` along `label`, entered in `built`. */
  private newNode(parent: number, label: number): number {
    const child = this.nodes++;
    this.parent.push(parent);
    this.label.push(label);
    this.flags.push(0);
    this.filter.push(0);
    this.lastEnd.push(-1);
    if ((this.builtEdges + 1) * 2 * 4 > this.built.length) {
      const old = this.built;
      this.built = new Int32Array(old.length * 2);
      for (let at = 0; at < old.length; at += 4)
        if (old[at] !== 0) this.enter(old[at]! - 1, old[at + 1]!, old[at + 2]!);
    }
    this.enter(parent, label, child);
    this.builtEdges++;
    return child;
  }

  private enter(parent: number, label: number, child: number): void {
    const at = ~probe(this.built, parent, label) << 2;
    this.built[at] = parent + 1;
    this.built[at + 1] = label;
    this.built[at + 2] = child;
  }

  /** The sealed id of the child of sealed node `node` along `label`, or 0 (the root is no one's child). */
  child(node: number, label: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    const key = node + 1;
    for (let s = slotOf(node, label, mask); ; s = (s + 1) & mask) {
      const at = s << 2;
      const k = slots[at]!;
      if (k === 0) return 0;
      if (k === key && slots[at + 1] === label) return s + 1;
    }
  }

  /** The prefix edges leaving sealed node `node`. */
  prefixesOf(node: number): readonly PrefixEdge[] {
    return this.sealedPrefixes.get(node) ?? [];
  }

  /** Root prefix edges a word with no id below `size` may open (check each), or undefined. */
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
    if (this.localFilter[wordSlot(norm)]) {
      const local = this.locals.get(norm);
      if (local !== undefined) return local;
    }
    // Not looked up by the tokenizer, or looked up before the vocabulary grew: by its string.
    if (!internable(norm)) return NO_LABEL;
    const known = VOCABULARY.idOf(norm);
    return known >= 0 && known < this.size ? known : NO_LABEL;
  }

  /** Files the root's prefix edges by their first three letters (see rootPrefixesOf). */
  private indexRootPrefixes(edges: readonly PrefixEdge[]): void {
    for (const edge of edges) {
      const key = prefixKey(edge.value);
      this.prefixFilter[typeof key === 'number' ? key & 0xffff : 0] = 1;
      const same = this.rootPrefixes.get(key);
      if (same) same.push(edge);
      else this.rootPrefixes.set(key, [edge]);
    }
  }

  /**
   * Lays out what was filed for matching (see `slots`), with the root's children by vocabulary
   * id and the prefix phrases each word opens folded in, so a known word costs one read there.
   * Filing more later (see Lexicon.fileBare) seals again.
   */
  seal(): void {
    const nodes = this.nodes;
    // At most six slots in ten full: a miss, most probes, then stops within a slot or two.
    let room = 16;
    while (room * 0.6 < nodes) room *= 2;
    const slots = new Int32Array(room * 4);
    const mask = room - 1;
    const sealed = new Int32Array(nodes);
    const ends: number[] = [];
    // A child is made after its parent, so its parent's sealed id is known when it is placed.
    for (let node = 1; node < nodes; node++) {
      const parent = sealed[this.parent[node]!]!;
      const label = this.label[node]!;
      let s = slotOf(parent, label, mask);
      while (slots[s << 2] !== 0) s = (s + 1) & mask;
      sealed[node] = s + 1;
      const at = s << 2;
      slots[at] = parent + 1;
      slots[at + 1] = label;
      let meta = this.flags[node]! | this.filter[node]!;
      let data = 0;
      const last = this.lastEnd[node]!;
      if (last >= 0 && this.endChain[last]! < 0 && this.endList[last * 2 + 1] === 0) {
        meta |= ONE_END;
        data = this.endList[last * 2]!;
      } else if (last >= 0) {
        meta |= MANY_ENDS;
        data = ends.length;
        ends.push(0);
        for (let e = last; e >= 0; e = this.endChain[e]!) {
          ends.push(this.endList[e * 2]!, this.endList[e * 2 + 1]!);
          ends[data]!++;
        }
      }
      slots[at + 2] = meta;
      slots[at + 3] = data;
    }
    this.slots = slots;
    this.ends = Int32Array.from(ends);

    this.sealedPrefixes = new Map();
    this.rootPrefixes = new Map();
    for (const [node, out] of this.prefixEdges) {
      const edges = out.map((edge) => ({ value: edge.value, child: sealed[edge.child]! }));
      this.sealedPrefixes.set(sealed[node]!, edges);
      if (node === 0) this.indexRootPrefixes(edges);
    }

    const size = VOCABULARY.size;
    this.size = size;
    const rootWord = new Int32Array(size * 4);
    const prefixChildren: number[] = [0];
    const hasPrefixes = this.rootPrefixes.size > 0;
    for (let id = 0; id < size; id++) {
      const child = this.rootWords[id] ?? 0;
      if (child !== 0) {
        const node = sealed[child]!;
        rootWord[id * 4] = node;
        rootWord[id * 4 + 2] = slots[((node - 1) << 2) + 2]!;
        rootWord[id * 4 + 3] = slots[((node - 1) << 2) + 3]!;
      }
      if (!hasPrefixes) continue;
      const word = VOCABULARY.word(id);
      if (word.length < 3) continue;
      const opened = this.rootPrefixesOf(word);
      if (!opened) continue;
      const start = prefixChildren.length;
      for (const edge of opened) if (word.startsWith(edge.value)) prefixChildren.push(edge.child);
      if (prefixChildren.length === start) continue;
      prefixChildren.push(0);
      rootWord[id * 4 + 1] = start + 1;
    }
    this.rootWord = rootWord;
    this.rootPrefixChildren = Int32Array.from(prefixChildren);
  }
}
