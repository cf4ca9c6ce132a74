/**
 * Counts and positions that rules read. Computed once per draft from the token stream, so
 * that adding a rule never adds a pass over the text.
 */
import { tokenize, type Token } from './tokenize.ts';
import { PHATIC, STOPWORDS } from './stopwords.ts';

export const FEATURES = [
  'chars',
  'words',
  'content-words',
  'specific-words',
  'sentences',
  'urls',
  'mentions',
  'hashtags',
  'cashtags',
  'emoji',
  'numbers',
  'prices',
  'percents',
  'questions',
  'exclamations',
  'first-singular',
  'first-plural',
  'second-person',
  'proper-nouns',
  'lines',
  'first-sentence-chars',
] as const;
export type Feature = (typeof FEATURES)[number];

export interface Doc {
  text: string;
  tokens: Token[];
  features: Record<Feature, number>;
}

const FIRST_SINGULAR = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself']);
const FIRST_PLURAL = new Set(['we', "we're", "we've", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves']);
const SECOND = new Set(['you', "you're", "you've", "you'd", "you'll", 'your', 'yours', 'yourself', "y'all"]);

export function analyse(text: string): Doc {
  const tokens = tokenize(text);
  const f: Record<Feature, number> = {
    chars: text.length,
    words: 0,
    'content-words': 0,
    'specific-words': 0,
    sentences: 0,
    urls: 0,
    mentions: 0,
    hashtags: 0,
    cashtags: 0,
    emoji: 0,
    numbers: 0,
    prices: 0,
    percents: 0,
    questions: 0,
    exclamations: 0,
    'first-singular': 0,
    'first-plural': 0,
    'second-person': 0,
    'proper-nouns': 0,
    lines: text.length > 0 ? 1 : 0,
    'first-sentence-chars': -1,
  };
  for (const t of tokens) {
    if (t.sentenceStart) f.sentences++;
    switch (t.kind) {
      case 'word':
        f.words++;
        if (!STOPWORDS.has(t.norm)) {
          f['content-words']++;
          if (!PHATIC.has(t.norm)) f['specific-words']++;
        }
        if (FIRST_SINGULAR.has(t.norm)) f['first-singular']++;
        else if (FIRST_PLURAL.has(t.norm)) f['first-plural']++;
        else if (SECOND.has(t.norm)) f['second-person']++;
        if (t.capital && !t.sentenceStart && t.norm !== 'i' && !t.norm.startsWith("i'")) f['proper-nouns']++;
        break;
      case 'url':
        f.urls++;
        break;
      case 'mention':
        f.mentions++;
        break;
      case 'hashtag':
        f.hashtags++;
        break;
      case 'cashtag':
        f.cashtags++;
        break;
      case 'emoji':
        f.emoji++;
        break;
      case 'number':
        f.numbers++;
        break;
      case 'price':
        f.prices++;
        break;
      case 'percent':
        f.percents++;
        break;
      case 'punct':
        if (t.norm === '?') f.questions++;
        else if (t.norm === '!') f.exclamations++;
        else if (t.norm === '\n') f.lines++;
        if (
          f['first-sentence-chars'] < 0 &&
          (t.norm === '.' || t.norm === '!' || t.norm === '?' || t.norm === '\n' || t.norm === ':')
        ) {
          f['first-sentence-chars'] = t.end;
        }
        break;
    }
  }
  if (f['first-sentence-chars'] < 0) f['first-sentence-chars'] = text.trimEnd().length;
  return { text, tokens, features: f };
}
