// From an article's text to findings (people, their posts, ranks, appointments, promotions, awards,
// the event and its participants), each with the token range it is read from. Pure: the vocabulary
// and the text in, findings out; src/extract/facts.ts turns them into a facts file.
import { fold } from '../text/fold';
import { Byline, findBylines, findPersons, PersonMention } from './persons';
import { dateIn, sentenceRange } from './sentences';
import { AwardFinding, EventFinding, ParticipationFinding, PostFinding, RankFinding, Statements } from './statements';
import { Grammar, OrgRef, PostMatch, postLabel } from './titles';
import { Token, tokenize } from './tokens';
import { vocabulary } from './vocabulary';

export interface ExtractOptions {
  title?: string | null;
  published?: string | null;
  publisher?: string | null;
  url?: string | null;
}

export interface Findings {
  text: string;
  tokens: Token[];
  title: string;
  byline: Byline;
  persons: Array<{ key: string; name: string; mentions: PersonMention[] }>;
  posts: PostFinding[];
  ranks: RankFinding[];
  awards: AwardFinding[];
  event: EventFinding | null;
  participations: ParticipationFinding[];
}

let grammar: Grammar | undefined;
export function defaultGrammar(): Grammar {
  return (grammar ??= new Grammar(vocabulary()));
}

/** The place a post's organisation name ends with ("Chủ tịch HĐND tỉnh Quảng Ninh" → Quảng Ninh). */
function placeOf(org: OrgRef, g: Grammar): string | null {
  const name = fold(org.name);
  const place = g.v.places.filter((p) => name.endsWith(` ${fold(p)}`)).sort((a, b) => b.length - a.length)[0];
  return place ?? null;
}

/** Completes the posts of one title chain: a body without its organisation takes the next post's ("Ủy viên Ban cán sự Đảng, Thứ trưởng Bộ Tư pháp"). */
export function completeChain(posts: PostMatch[], g: Grammar, sentencePlace: string | null): PostMatch[] {
  return posts.flatMap((post, k) => {
    if (post.org && !post.org.incomplete) return [post];
    const next = posts.slice(k + 1).find((p) => p.org && !p.org.incomplete);
    if (post.org?.incomplete === 'body' && next?.org) {
      const org: OrgRef = { ...post.org, name: `${post.org.name} ${next.org.name}`, parent: next.org, incomplete: undefined };
      return [{ ...post, org, inferred: true, note: `The text says "${post.org.written}" alone; read with the post that follows it (${postLabel(next)}).` }];
    }
    if (post.org?.incomplete === 'place') {
      const place = (next?.org && placeOf(next.org, g)) ?? sentencePlace;
      if (!place) return [];
      const city = g.v.sets.cities.has(fold(place));
      const head = fold(post.org.name);
      const name = /uy ban nhan dan|hoi dong nhan dan/.test(head)
        ? `${g.expand(post.org.name.replace(/\s+(tỉnh|thành phố|TP)$/iu, ''))} ${city ? 'thành phố' : 'tỉnh'} ${place}`
        : `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${place}`;
      const org: OrgRef = { ...post.org, name, incomplete: undefined };
      return [
        {
          ...post,
          org,
          inferred: true,
          note: `The text says "${post.org.written}" without the province; ${place} is read from ${next ? 'the post that follows it' : 'the sentence'}.`,
        },
      ];
    }
    if (!post.org && next?.org && ['military_unit', 'command'].includes(next.org.classification)) {
      return [{ ...post, org: next.org, inferred: true, note: `The text gives the role only; read with the post that follows it (${postLabel(next)}).` }];
    }
    return [];
  });
}

/**
 * Posts shared by a list: "Bộ GTVT có 5 Thứ trưởng gồm các ông: A, B và C"; "… 8 Thứ trưởng. 7 vị
 * đương nhiệm gồm A, B"; "cho ba sĩ quan cao cấp của Bộ Quốc phòng, gồm: Thứ trưởng A, …" (a role
 * without its organisation takes the one named before "gồm").
 */
function listPosts(tokens: Token[], g: Grammar, mentions: PersonMention[]): PostFinding[] {
  const out: PostFinding[] = [];
  let previous: { org: OrgRef | null; role: PostMatch['role'] | null } = { org: null, role: null };
  const last = tokens.at(-1)?.s ?? 0;
  for (let s = 0; s <= last; s++) {
    const [sa, sb] = sentenceRange(tokens, s);
    if (tokens[sa]?.s !== s) continue; // an empty sentence (a line end after a full stop)
    const gom = tokens.slice(sa, sb + 1).find((t) => t.w === 'gồm');
    // "ORG (sẽ) có N ROLE …": the organisation and the role of the list
    let org: OrgRef | null = null;
    let role: PostMatch['role'] | null = null;
    for (let i = sa; i <= sb; i++) {
      if (tokens[i]!.w !== 'có' || !/^\d+$/.test(tokens[i + 1]?.text ?? '')) continue;
      const r = g.roleAt(tokens, i + 2);
      if (!r) continue;
      role = r.role;
      for (let k = sa; k < i; k++) {
        const o = g.orgAt(tokens, k, r.role);
        if (o && (o.end === i || (o.end === i - 1 && tokens[i - 1]!.w === 'sẽ'))) org = o.org;
      }
      if (!org && r.role.default) org = g.fromKnown(g.knownNamed(r.role.default)!, r.role.default);
    }
    if (gom) {
      const vi = tokens[gom.i - 1]?.w === 'nhiệm' || tokens[gom.i - 2]?.w === 'vị' || tokens[gom.i - 1]?.w === 'vị';
      if (!role && vi) ({ org, role } = previous);
      // "… của Bộ Quốc phòng, gồm:" — the organisation of roles given without one
      let listOrg: OrgRef | null = null;
      for (let k = Math.max(sa, gom.i - 8); k < gom.i; k++) {
        const o = g.orgAt(tokens, k, null);
        if (o && o.end >= gom.i - 1 && !o.org.incomplete) listOrg = o.org;
      }
      for (const m of mentions.filter((x) => x.start > gom.i && x.end <= sb + 1)) {
        if (role && org) {
          out.push({ person: m.key, post: { role, org, start: sa, end: m.end, former: false }, status: 'current', from: sa, to: m.end - 1 });
        } else if (listOrg) {
          for (const p of m.posts.filter((x) => !x.org && x.end <= m.start)) {
            const o = p.role.default ? g.fromKnown(g.knownNamed(p.role.default)!, p.role.default) : listOrg;
            out.push({ person: m.key, post: { ...p, org: o }, status: 'current', from: gom.i - 4 > sa ? gom.i - 4 : sa, to: m.end - 1 });
          }
        }
      }
    }
    previous = role && org ? { org, role } : { org: null, role: null };
  }
  return out;
}

/** Reads an article. */
export function findFacts(rawText: string, options: ExtractOptions = {}, g: Grammar = defaultGrammar()): Findings {
  const text = rawText.normalize('NFC');
  const tokens = tokenize(text);
  const byline = findBylines(text, g);
  const postsByEnd = new Map<number, PostMatch>();
  for (let i = 0; i < tokens.length; i++) {
    const p = g.postAt(tokens, i);
    if (p && (!postsByEnd.has(p.end) || postsByEnd.get(p.end)!.start > p.start)) postsByEnd.set(p.end, p);
  }
  const mentions = findPersons(tokens, g, byline.lines, postsByEnd);
  const st = new Statements(tokens, g, mentions, options.published ?? null);

  const persons = new Map<string, { key: string; name: string; mentions: PersonMention[] }>();
  for (const m of mentions) {
    const p = persons.get(m.key) ?? { key: m.key, name: m.name, mentions: [] };
    p.mentions.push(m);
    persons.set(m.key, p);
  }

  const posts: PostFinding[] = [];
  const ranks: RankFinding[] = [];
  const taken = new Set<number>();
  const placeOfSentence = (s: number) => {
    const [sa, sb] = sentenceRange(tokens, s);
    for (let i = sa; i <= sb; i++) {
      const place = g.placeAt(tokens, i);
      if (place) return place.name;
    }
    return null;
  };
  for (const m of mentions) {
    const [sa] = sentenceRange(tokens, tokens[m.start]!.s);
    const sentencePlace = placeOfSentence(tokens[m.start]!.s);
    const past = tokens.slice(sa, m.from).some((t) => t.f === 'tung') || /khi đang là|trước khi/iu.test(text.slice(tokens[sa]!.start, tokens[m.start]!.start));
    for (const post of completeChain(m.posts, g, sentencePlace)) {
      for (let i = post.start; i < post.end; i++) taken.add(i);
      posts.push({ person: m.key, post, status: post.former || past ? 'ended' : 'current', from: m.from, to: Math.max(m.to, post.end - 1), note: post.note });
    }
    for (const p of m.posts) for (let i = p.start; i < p.end; i++) taken.add(i);
    if (m.rank) ranks.push({ person: m.key, rank: m.rank.rank, from: m.from, to: m.to });
  }
  const appointments = st.appointments();
  for (const a of appointments) for (let i = a.post.start; i < a.post.end; i++) taken.add(i);
  posts.push(...appointments, ...listPosts(tokens, g, mentions), ...st.career(taken, (list, s) => completeChain(list, g, placeOfSentence(s))));
  ranks.push(...st.promotions());
  return {
    text,
    tokens,
    title: options.title ?? text.split('\n')[0]!.trim(),
    byline,
    persons: [...persons.values()],
    posts,
    ranks,
    awards: st.awards(),
    event: st.event(),
    participations: st.participations(),
  };
}

export { dateIn };
