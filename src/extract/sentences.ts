// Reading the sentences of an article around the people it names: each sentence's token range,
// who a sentence is about (its first mention near the start, or "ông"/"bà" for the last such person),
// who an action is about (actors), the clause around a word, dates and who decided. The findings
// (statements.ts) are read on top of this.
import type { PersonMention } from './persons';
import type { Grammar } from './titles';
import { longestAt, Token } from './tokens';

/** A sentence's token range. */
export function sentenceRange(tokens: Token[], s: number): [number, number] {
  let a = tokens.findIndex((t) => t.s === s);
  let b = a;
  while (tokens[b + 1]?.s === s) b++;
  if (a < 0) a = b = 0;
  return [a, b];
}

/** Where the verbs or particles `phrases` (exact lower-case words) occur in tokens a..b. */
export function findIn(tokens: Token[], a: number, b: number, phrases: string[][]): number[] {
  const hits: number[] = [];
  for (let i = a; i <= b; i++) if (longestAt(tokens, i, phrases, true)) hits.push(i);
  return hits;
}

/** A date in tokens [a, b]: "15/9", "ngày 10/12", "tháng 6/2015", "năm 2007". Partial dates complete their year from `published` when safe. */
export function dateIn(tokens: Token[], a: number, b: number, published: string | null): { date: string | null; note: string | null } | null {
  for (let i = a; i <= b; i++) {
    const t = tokens[i]!;
    if (t.f === 'thang' && /^\d{1,2}$/.test(tokens[i + 1]?.text ?? '') && tokens[i + 2]?.text === '/' && /^\d{4}$/.test(tokens[i + 3]?.text ?? ''))
      return { date: `${tokens[i + 3]!.text}-${tokens[i + 1]!.text.padStart(2, '0')}`, note: null };
    if (t.f === 'nam' && /^(19|20)\d\d$/.test(tokens[i + 1]?.text ?? '')) return { date: tokens[i + 1]!.text, note: null };
    if (/^\d{1,2}$/.test(t.text) && tokens[i + 1]?.text === '/' && /^\d{1,2}$/.test(tokens[i + 2]?.text ?? '') && tokens[i - 1]?.f !== 'thang') {
      const d = Number(t.text);
      const m = Number(tokens[i + 2]!.text);
      if (d < 1 || d > 31 || m < 1 || m > 12) continue;
      const dm = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (tokens[i + 3]?.text === '/' && /^\d{4}$/.test(tokens[i + 4]?.text ?? '')) return { date: `${tokens[i + 4]!.text}-${dm}`, note: null };
      const written = `${t.text}/${tokens[i + 2]!.text}`;
      // the year is the publication's when the day is on or before it in the same year, within about four months
      if (published && /^\d{4}-\d{2}-\d{2}$/.test(published)) {
        const candidate = `${published.slice(0, 4)}-${dm}`;
        const days = (Date.parse(published) - Date.parse(candidate)) / 86_400_000;
        if (days >= 0 && days <= 120)
          return { date: candidate, note: `The text gives ${written} without a year; the year is the publication's (${published}).` };
      }
      return {
        date: null,
        note: `The text gives ${written} without a year${published ? ' and it cannot be safely completed from the publication date' : ''}.`,
      };
    }
  }
  return null;
}

/** Who decided: "được Thủ tướng bổ nhiệm", "quyết định của Chủ tịch nước", "Bộ Quốc phòng thăng quân hàm". */
export function deciderBefore(tokens: Token[], g: Grammar, verb: number, a: number): string | null {
  for (let i = Math.max(a, verb - 8); i < verb; i++) {
    const t = tokens[i]!;
    if (t.f === 'duoc' || (t.f === 'cua' && tokens[i - 1]?.f === 'dinh')) {
      const post = g.postAt(tokens, i + 1);
      if (post && post.end <= verb + 1) return g.written(tokens, i + 1, post.end);
      const org = g.orgAt(tokens, i + 1, null);
      if (org && org.end <= verb + 1) return org.org.name;
    }
  }
  return null;
}

/** An article's sentences and the people they name, as the findings read them. */
export class Sentences {
  private readonly mentionsBySentence = new Map<number, PersonMention[]>();
  private readonly focusBySentence = new Map<number, string | null>();

  constructor(
    protected readonly tokens: Token[],
    protected readonly g: Grammar,
    protected readonly mentions: PersonMention[],
    protected readonly published: string | null,
  ) {
    for (const m of mentions) {
      const s = tokens[m.start]!.s;
      this.mentionsBySentence.set(s, [...(this.mentionsBySentence.get(s) ?? []), m]);
    }
    let focus: string | null = null;
    const last = tokens.at(-1)?.s ?? 0;
    for (let s = 0; s <= last; s++) {
      const [a] = sentenceRange(tokens, s);
      const first = this.mentionsBySentence.get(s)?.[0];
      if (first && first.from - a <= 8) focus = first.key;
      this.focusBySentence.set(s, focus);
    }
  }

  /** The person a sentence is about: its first mention near the start, else "ông"/"bà" = the last such person. */
  subject(s: number, before?: number): string | null {
    const [a, b] = sentenceRange(this.tokens, s);
    const first = this.mentionsBySentence.get(s)?.[0];
    if (first && first.from - a <= 8) return first.key;
    for (let i = a; i <= Math.min(b, before ?? a + 10); i++) {
      const t = this.tokens[i]!;
      if ((t.f === 'ong' || t.f === 'ba') && !this.g.nameStartsAt(this.tokens, i + 1)) return this.focusBySentence.get(s - 1) ?? null;
    }
    return null;
  }

  /** "thay cho đồng chí X", "đối với ông X", "với ông X": X is not who the sentence is about. */
  protected replaced(m: PersonMention): boolean {
    const before = this.tokens.slice(Math.max(0, m.from - 3), m.from).map((t) => t.w);
    return before.includes('thay') || before.includes('với') || (before.includes('cho') && !before.includes('trao'));
  }

  /** The one person a sentence names (not a replaced one), if it names just one. */
  protected only(s: number): string | null {
    const keys = new Set(
      this.inSentence(s)
        .filter((m) => !this.replaced(m))
        .map((m) => m.key),
    );
    return keys.size === 1 ? [...keys][0]! : null;
  }

  protected inSentence(s: number): PersonMention[] {
    return this.mentionsBySentence.get(s) ?? [];
  }

  /** The clause (between ";" marks) of a sentence around token i. */
  protected clause(i: number): [number, number] {
    const [a, b] = sentenceRange(this.tokens, this.tokens[i]!.s);
    let x = i;
    while (x > a && this.tokens[x - 1]!.text !== ';') x--;
    let y = i;
    while (y < b && this.tokens[y + 1]!.text !== ';') y++;
    return [x, y];
  }

  /** People that an action at `verb` is about: named between the verb and `target` (active), else before it in the clause, else the sentence's subject. */
  protected actors(verb: number, target: number): string[] {
    const s = this.tokens[verb]!.s;
    const [ca] = this.clause(verb);
    const inside = this.inSentence(s).filter((m) => m.start > verb && m.end <= target);
    if (inside.length) return [...new Set(inside.map((m) => m.key))];
    const acts = (m: PersonMention) => {
      let k = m.to + 1;
      while (['vua', 'da', 'se', 'cung'].includes(this.tokens[k]?.f ?? '')) k++;
      return ['ky', 'trao', 'chu', 'cong'].includes(this.tokens[k]?.f ?? '') && this.tokens[k]!.w !== 'cùng';
    };
    const before = this.inSentence(s).filter((m) => m.start >= ca && m.end <= verb && !acts(m) && !this.replaced(m));
    if (before.length) {
      // a list of people joined by "và" / "," before the verb; a decider ("Thủ tướng X ký …") does not count
      return [...new Set(before.map((m) => m.key))];
    }
    const subject = this.subject(s) ?? this.only(s);
    return subject ? [subject] : [];
  }
}
