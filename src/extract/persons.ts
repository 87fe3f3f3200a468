// People in an article. A *name* is a family name and one to three more capitalised words that is
// not a place; it is a person only with evidence around it: an honorific or a rank before it, a
// post right before or after it, a place in a list of such people, or the same name seen so
// elsewhere in the text. Bylines, photo credits and "Theo …" lines name authors and outlets, never officials.
import { fold } from '../text/fold';
import { Grammar, PostMatch, RankMatch } from './titles';
import { longestAt, Token } from './tokens';

export interface NameSpan {
  name: string;
  key: string;
  start: number;
  end: number;
}

export interface PersonMention extends NameSpan {
  /** Why it is a person: honorific, rank, post-before, post-after, list, repeated. */
  why: string;
  rank?: RankMatch;
  /** Posts of its title chain, before and after the name. */
  posts: PostMatch[];
  /** Token range of the mention with its title chain (for the quote). */
  from: number;
  to: number;
}

export interface Byline {
  /** Line numbers that are bylines, credits or "Theo …" attributions. */
  lines: Set<number>;
  author: string | null;
  publisher: string | null;
  /** The byline as written (for the quote). */
  quote: string | null;
}

const PLACE_BEFORE = new Set(['tinh', 'tp', 'quan', 'huyen', 'xa', 'duong', 'pho', 'so', 'thi', 'phuong', 'lang', 'tau', 'cang']);

/** Bylines ("Lan Hạ", "Hồng Vân - TTXVN", "Anh Thư - Trung tâm Thông tin"), credits ("Ảnh: …") and "Theo …" lines. */
export function findBylines(text: string, g: Grammar): Byline {
  const result: Byline = { lines: new Set(), author: null, publisher: null, quote: null };
  const lines = text.split('\n');
  lines.forEach((raw, n) => {
    const line = raw.trim();
    if (n === 0 || !line) return;
    if (/^(Ảnh|Đồ hoạ|Đồ họa|Video|Clip|Nguồn)\s*:/u.test(line) || /^\(?(nguồn ảnh|ảnh)\s*:/iu.test(line)) return void result.lines.add(n);
    const theo = /^Theo\s+(\S.{0,60})$/u.exec(line);
    if (theo && !/[.!?]$/.test(line)) {
      result.lines.add(n);
      result.publisher ??= theo[1]!.trim();
      return;
    }
    const m = /^(\p{Lu}[\p{Ll}\p{M}]*(?: \p{Lu}[\p{Ll}\p{M}]*){1,3})(?:\s+[-–]\s+(.{1,60}))?$/u.exec(line);
    if (!m) return;
    const tokens = m[1]!.split(' ');
    const folded = tokens.map((t) => fold(t));
    // a caption naming an official starts with a rank or a role; a byline does not
    if (g.ranks.some((p) => p.every((w, k) => folded[k] === w)) || g.roles.some((p) => p.every((w, k) => folded[k] === w))) return;
    if (g.v.sets.places.has(folded.join(' ')) || ['ong', 'ba', 'dong', 'cac'].includes(folded[0]!)) return;
    result.lines.add(n);
    if (result.author === null || n > lines.length / 2) {
      const rest = m[2]?.trim() ?? null;
      const coAuthor = rest && /^\p{Lu}[\p{Ll}\p{M}]*(?: \p{Lu}[\p{Ll}\p{M}]*){1,3}$/u.test(rest) && !g.heads.some((p) => fold(rest).startsWith(p.join(' ')));
      result.author = coAuthor ? `${m[1]} - ${rest}` : m[1]!;
      if (rest && !coAuthor) result.publisher ??= rest;
      result.quote = line;
    }
  });
  return result;
}

/** Capitalised runs split into names: the longest tail of 2–4 words that starts with a family name. */
export function nameSpans(tokens: Token[], g: Grammar, skipLines: Set<number>): NameSpan[] {
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!(t.cap && t.word) || skipLines.has(t.line)) {
      i++;
      continue;
    }
    let j = i;
    while (tokens[j]?.cap && tokens[j]!.word && tokens[j]!.line === t.line && !/^\d/.test(tokens[j]!.text)) j++;
    let a = i;
    // an honorific or a rank written with a capital starts the run, not the name
    for (;;) {
      const h = longestAt(tokens, a, g.v.phrases.honorifics, true);
      if (h && h.end < j) a = h.end;
      else break;
    }
    for (let p = a; p < j; p++) {
      const len = j - p;
      if (len > 4 || len < 2 || !g.v.sets.family.has(tokens[p]!.w)) continue;
      const name = tokens
        .slice(p, j)
        .map((x) => x.text)
        .join(' ');
      if (
        (g.v.sets.places.has(fold(name)) && !g.personPlaces.has(fold(name))) ||
        g.roleAt(tokens, p) ||
        g.rankAt(tokens, p) ||
        longestAt(tokens, p, g.knownLong, true)
      )
        break;
      spans.push({ name: name.normalize('NFC'), key: fold(name), start: p, end: j });
      break;
    }
    i = j;
  }
  return spans;
}

/** The posts and ranks that end right where `at` starts, walking back over "," (a title chain before a name). */
function chainBefore(tokens: Token[], at: number, g: Grammar, postsByEnd: Map<number, PostMatch>): { posts: PostMatch[]; rank?: RankMatch; from: number } {
  const posts: PostMatch[] = [];
  let rank: RankMatch | undefined;
  let cur = at;
  // honorifics right before the name ("đồng chí Thượng tướng X" has the honorific before the rank)
  const skipHonorific = () => {
    for (let k = Math.max(0, cur - 3); k < cur; k++) {
      const h = longestAt(tokens, k, g.v.phrases.honorifics, true);
      if (h && h.end === cur) return void (cur = k);
    }
  };
  let skipped = false;
  for (let step = 0; step < 8; step++) {
    const post = postsByEnd.get(cur);
    let r: RankMatch | null = null;
    for (let k = Math.max(0, cur - 4); k < cur && !post; k++) {
      const m = g.rankAt(tokens, k);
      if (m && m.end === cur) r = m;
    }
    if (post) {
      posts.unshift(post);
      cur = post.start;
    } else if (r && !rank) {
      rank = r;
      cur = r.start;
    } else if (!skipped) {
      // "đồng chí Thượng tướng X": an honorific before the rank or the name (tried after them: "Thủ tướng" ends in "tướng")
      skipped = true;
      const before = cur;
      skipHonorific();
      if (cur === before) break;
      continue;
    } else break;
    if (tokens[cur - 1]?.text === ',' && tokens[cur - 1]!.line === tokens[at]!.line) {
      const before = cur - 1;
      const post = postsByEnd.get(before);
      // "quyết định của Bộ trưởng Quốc phòng, Thiếu tướng X": the decider's post is not X's
      const decider = post && ['của', 'được', 'theo'].includes(tokens[post.start - 1]?.w ?? '');
      if ((post && !decider) || [1, 2, 3, 4].some((d) => g.rankAt(tokens, before - d)?.end === before)) {
        cur = before;
        continue;
      }
    }
    if (!skipped) skipHonorific();
    break;
  }
  return { posts, rank, from: cur };
}

/** The posts after a name: ", post, post" or " (post, post)" or " - post, post". */
function chainAfter(tokens: Token[], end: number, g: Grammar): { posts: PostMatch[]; to: number } {
  const posts: PostMatch[] = [];
  let j = end;
  const opener = tokens[j]?.text;
  if (!opener || ![',', '(', '-', '–'].includes(opener) || tokens[j]!.line !== tokens[end - 1]!.line) return { posts, to: end - 1 };
  j++;
  let to = end - 1;
  for (;;) {
    const post = g.postAt(tokens, j);
    if (!post) break;
    posts.push(post);
    to = post.end - 1;
    j = post.end;
    if (tokens[j]?.f === 'kiem') j++;
    else if (tokens[j]?.text === ',' && tokens[j + 1]?.f === 'kiem') j += 2;
    else if (tokens[j]?.text === ',' && g.postAt(tokens, j + 1)) j++;
    else break;
  }
  if (opener === '(' && tokens[to + 1]?.text === ')') to++;
  return { posts, to };
}

/** Every person mention, with why it is one and the title chain around it. */
export function findPersons(tokens: Token[], g: Grammar, skipLines: Set<number>, postsByEnd: Map<number, PostMatch>): PersonMention[] {
  const spans = nameSpans(tokens, g, skipLines);
  const accepted: PersonMention[] = [];
  const byStart = new Map<number, PersonMention>();
  const evidenceFor = (s: NameSpan): PersonMention | null => {
    const prev = tokens[s.start - 1];
    if (prev && PLACE_BEFORE.has(prev.f) && prev.line === tokens[s.start]!.line && !g.v.sets.honorifics.has(prev.w)) return null;
    if (prev?.f === 'pho' && tokens[s.start - 2]?.f === 'thanh') return null;
    const before = chainBefore(tokens, s.start, g, postsByEnd);
    const after = chainAfter(tokens, s.end, g);
    const posts = [...before.posts, ...after.posts];
    // "gồm các ông: A, B": an honorific before a colon
    const colon =
      (prev?.text === ':' && !!longestAt(tokens, s.start - 3, g.v.phrases.honorifics, true)) ||
      (prev?.text === ':' && g.v.sets.honorifics.has(tokens[s.start - 2]?.w ?? ''));
    const honorific = (before.from < s.start && !before.posts.length && !before.rank) || colon;
    const roleBefore = g.rolesEndingAt(tokens, s.start);
    const why = before.rank
      ? 'rank'
      : before.posts.length
        ? 'post-before'
        : after.posts.length
          ? 'post-after'
          : honorific
            ? 'honorific'
            : roleBefore
              ? 'role-before'
              : null;
    if (!why) return null;
    return { ...s, why, rank: before.rank, posts, from: Math.min(before.from, roleBefore ?? s.start), to: Math.max(after.to, s.end - 1) };
  };
  for (const s of spans) {
    const m = evidenceFor(s);
    if (m) {
      accepted.push(m);
      byStart.set(s.start, m);
    }
  }
  // lists: "Thượng tướng A, B, C và Trung tướng D"; "gồm các ông: A, B và C"
  for (const s of spans) {
    if (byStart.has(s.start)) continue;
    const sep = tokens[s.start - 1];
    const next = tokens[s.end];
    if (!sep || !(sep.text === ',' || sep.f === 'va' || sep.text === ';' || sep.text === ':')) continue;
    if (next && next.line === tokens[s.start]!.line && ![',', ';', '.', ')', ':'].includes(next.text) && !(next.word && !next.cap)) continue;
    const head = [...accepted].reverse().find((m) => m.to < s.start && tokens[m.to]!.s === tokens[s.start]!.s);
    if (!head) continue;
    const between = tokens.slice(head.end, s.start - 1);
    // only names (and their separators, honorifics, ranks) between the head and this one
    if (between.some((t) => t.word && !(t.cap || t.f === 'va' || g.v.sets.honorifics.has(t.w) || g.rankAt(tokens, t.i)))) continue;
    // "Hai Thứ trưởng Nội vụ A và B": a plural title before the head is B's too
    const plural = ['hai', 'ba', 'bốn', 'năm', 'các', 'những'].includes(tokens[head.from - 1]?.w ?? '') || /^\d+$/.test(tokens[head.from - 1]?.text ?? '');
    const shared = plural ? head.posts.filter((p) => p.end <= head.start) : [];
    const m: PersonMention = { ...s, why: 'list', posts: shared, from: s.start, to: s.end - 1, rank: head.rank };
    accepted.push(m);
    byStart.set(s.start, m);
  }
  // the same name seen as a person elsewhere
  const known = new Set(accepted.map((m) => m.key));
  for (const s of spans) {
    if (byStart.has(s.start) || !known.has(s.key)) continue;
    const m: PersonMention = { ...s, why: 'repeated', posts: [], from: s.start, to: s.end - 1 };
    accepted.push(m);
    byStart.set(s.start, m);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
