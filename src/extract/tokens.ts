// Terminology: a *token* is a word (letters and digits, inner "-", "&" or "." kept: CASA-212, NN&PTNT)
// or one punctuation mark, with its offsets in the article; a *sentence* is a run of tokens up to
// ".", "!", "?" or a line end. Quotes are always cut from the article by offsets, so they are verbatim.
import { fold } from '../text/fold';
import { canonicalSpelling } from '../text/normalize';
import type { Phrase } from './vocabulary';

export interface Token {
  text: string;
  /** Folded text (src/text/fold.ts). */
  f: string;
  /** Lower case, marks kept (one tone placement): "thì" ≠ "thi", "năm" ≠ "Nam". */
  w: string;
  start: number;
  end: number;
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Index in the article's token list. */
  i: number;
  /** Index of its sentence. */
  s: number;
  /** Index of its line. */
  line: number;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-&][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/** The article's tokens, numbered, with their sentence and line. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let s = 0;
  let offset = 0;
  text.split('\n').forEach((lineText, line) => {
    for (const m of lineText.matchAll(TOKEN)) {
      const t = m[0];
      const word = /^[\p{L}\p{M}\p{N}]/u.test(t);
      tokens.push({
        text: t,
        f: fold(t),
        w: canonicalSpelling(t).toLowerCase(),
        start: offset + m.index,
        end: offset + m.index + t.length,
        word,
        cap: /^\p{Lu}/u.test(t),
        i: tokens.length,
        s,
        line,
      });
      if (t === '.' || t === '!' || t === '?' || t === '…') s++;
    }
    offset += lineText.length + 1;
    s++;
  });
  return tokens;
}

/** Does `phrase` (folded words) match the tokens from i? Returns the index after it, or -1. */
export function matchAt(tokens: Token[], i: number, p: Phrase, exact = false): number {
  if (i < 0 || i + p.length > tokens.length) return -1;
  const line = tokens[i]?.line;
  for (let k = 0; k < p.length; k++) {
    const t = tokens[i + k]!;
    if ((exact ? t.w : t.f) !== p[k] || t.line !== line) return -1;
  }
  return i + p.length;
}

/** Phrases by their first word, built once per list (a list of phrases is made once and reused). */
const INDEXES = new WeakMap<Phrase[], Map<string, number[]>>();
function indexOf(phrases: Phrase[]): Map<string, number[]> {
  let index = INDEXES.get(phrases);
  if (!index) {
    index = new Map();
    phrases.forEach((p, k) => index!.set(p[0]!, [...(index!.get(p[0]!) ?? []), k]));
    INDEXES.set(phrases, index);
  }
  return index;
}

/** The longest of `phrases` matching at i: its index in the list and the index after it. */
export function longestAt(tokens: Token[], i: number, phrases: Phrase[], exact = false): { index: number; end: number } | null {
  const t = tokens[i];
  if (!t?.word) return null;
  let best: { index: number; end: number } | null = null;
  for (const index of indexOf(phrases).get(exact ? t.w : t.f) ?? []) {
    const end = matchAt(tokens, i, phrases[index]!, exact);
    if (end > 0 && (!best || end > best.end)) best = { index, end };
  }
  return best;
}

/** The article's text from token a to token b (inclusive), verbatim. */
export function quote(text: string, tokens: Token[], a: number, b: number): string {
  return text.slice(tokens[a]!.start, tokens[b]!.end);
}
