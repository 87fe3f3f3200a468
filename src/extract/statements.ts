// What the sentences say about the people found: appointments ("được bổ nhiệm giữ chức …"),
// promotions ("thăng quân hàm từ trung tướng lên thượng tướng"), awards ("đề nghị tặng …" =
// proposed; "trao tặng / được tặng / nhận …" = conferred), career ("từng là …", "nguyên …"), the
// event and who did what in it. Each finding keeps the token range it is read from (its quote). The
// reading of sentences they stand on (who a sentence is about, its clauses, dates) is sentences.ts.
import { fold } from '../text/fold';
import type { PersonMention } from './persons';
import { Grammar, OrgRef, PostMatch, RankEntry } from './titles';
import { longestAt, matchAt, Token } from './tokens';
import { dateIn, deciderBefore, findIn, Sentences, sentenceRange } from './sentences';
import { exactPhrase, phrase } from './vocabulary';

export type Status = 'current' | 'ended' | 'unknown';

export interface PostFinding {
  person: string;
  post: PostMatch;
  status: Status;
  /** Token range of the quote. */
  from: number;
  to: number;
  startDate?: string | null;
  appointed?: { by: string | null };
  note?: string;
}

export interface RankFinding {
  person: string;
  rank: RankEntry;
  from: number;
  to: number;
  since?: string | null;
  promotion?: { from: RankEntry | null; by: string | null };
}

export interface AwardFinding {
  award: { name: string; classification: string };
  recipient: { person: string } | { org: OrgRef };
  status: 'proposed' | 'conferred';
  from: number;
  to: number;
  date?: string | null;
}

export interface EventFinding {
  name: string;
  classification: string;
  date: string | null;
  dateNote: string | null;
  from: number;
  to: number;
}

export interface ParticipationFinding {
  person: string;
  role: string;
  roleText: string;
  from: number;
  to: number;
}

const APPOINT = ['bổ nhiệm', 'điều động', 'bầu', 'chỉ định', 'phân công', 'trúng cử', 'luân chuyển', 'thăng chức'].map(exactPhrase);
const TARGET = ['giữ chức vụ', 'giữ chức danh', 'giữ chức', 'chức vụ', 'chức danh', 'làm', 'vào vị trí', 'là', 'tham gia'].map(exactPhrase);
const PROMOTE = ['thăng quân hàm', 'thăng hàm', 'phong quân hàm', 'phong hàm', 'thăng cấp bậc hàm', 'nâng quân hàm'].map(exactPhrase);
const PAST = ['từng', 'nguyên', 'trước khi', 'trước đó', 'khi đang là', 'khi giữ chức', 'thôi giữ chức', 'thôi tham gia', 'sau đó'].map(exactPhrase);
const PROPOSE = ['đề nghị', 'đề xuất', 'trình'].map(exactPhrase);
const HAND_OVER = phrase('trao quyết định');
const CAREER = ['từng', 'là', 'giữ', 'làm', 'đảm nhiệm', 'đảm trách', 'chức vụ', 'nguyên', 'khi', 'sau đó', 'phụ trách', 'thăng chức', 'thôi'].map(exactPhrase);
const INTENT = ['muốn', 'sẽ', 'xét'].map(exactPhrase);
const CONFER = ['trao tặng', 'tặng thưởng', 'truy tặng', 'phong tặng', 'tặng', 'trao', 'nhận', 'được phong'].map(exactPhrase);
const AWARD_WORDS = new Set(
  'hang nhat nhi ba cua thu tuong chinh phu doc lap huu nghi lao dong bao ve to quoc quan cong chien thang ho chi minh sao vang dung cam anh hung luc luong vu trang nhan dan thi dua toan'.split(
    ' ',
  ),
);

export class Statements extends Sentences {
  /** The vocabulary's cue phrases, folded once. */
  private readonly cues: { awards: string[][][]; events: string[][][]; participation: string[][][] };

  constructor(tokens: Token[], g: Grammar, mentions: PersonMention[], published: string | null) {
    super(tokens, g, mentions, published);
    this.cues = {
      awards: g.v.awardHeads.map((h) => h.words.map(phrase)),
      events: g.v.events.map((h) => h.words.map(phrase)),
      participation: g.v.participation.map((h) => h.words.map(phrase)),
    };
  }

  appointments(): PostFinding[] {
    const out: PostFinding[] = [];
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      const verb = longestAt(t, i, APPOINT, true);
      if (!verb) continue;
      const [, cb] = this.clause(i);
      // "được giới thiệu để HĐND bầu": a nomination, not an appointment
      if (t.slice(Math.max(0, i - 6), i).some((x) => x.f === 'gioi' && t[x.i + 1]?.f === 'thieu')) continue;
      for (let j = verb.end; j <= Math.min(cb, verb.end + 30); j++) {
        const target = longestAt(t, j, TARGET, true);
        // "X được bổ nhiệm Thứ trưởng …" (passive) names the post right after the verb; "Thủ tướng ký quyết định bổ nhiệm Thứ trưởng …" names no one
        const passive = t.slice(Math.max(0, i - 4), i).some((x) => x.w === 'được') || t[i]!.w === 'thăng';
        const at = target ? target.end : j === verb.end && passive ? j : -1;
        if (at < 0) continue;
        const post = this.g.postAt(t, at);
        if (!post?.org || post.org.incomplete) continue;
        // "bổ nhiệm chức vụ Thứ trưởng … đối với Trung tướng A, … và Thiếu tướng B"
        const objects =
          t[post.end]?.w === 'đối' && t[post.end + 1]?.w === 'với' ? this.inSentence(t[i]!.s).filter((m) => m.start > post.end && m.start <= cb) : [];
        const people = objects.length ? [...new Set(objects.map((m) => m.key))] : this.actors(i, j);
        const date = dateIn(t, this.clause(i)[0], cb, this.published);
        const by = deciderBefore(t, this.g, i, this.clause(i)[0]);
        for (const person of people)
          out.push({
            person,
            post,
            status: 'current',
            from: Math.min(
              i,
              ...this.inSentence(t[i]!.s)
                .filter((m) => m.key === person)
                .map((m) => m.from),
            ),
            to: post.end - 1,
            startDate: date?.date ?? null,
            appointed: { by },
            note: date?.note ?? undefined,
          });
        break;
      }
    }
    return out;
  }

  promotions(): RankFinding[] {
    const out: RankFinding[] = [];
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      const verb = longestAt(t, i, PROMOTE, true);
      if (!verb) continue;
      let j = verb.end;
      if (t[j]?.f === 'cap' && !t[j]?.cap) j++;
      if (t[j]?.f === 'tu') j++;
      const first = this.g.rankAt(t, j);
      if (!first) continue;
      let from: RankEntry | null = null;
      let to = first;
      if (t[first.end]?.f === 'len') {
        const second = this.g.rankAt(t, first.end + 1);
        if (!second) continue;
        from = first.rank;
        to = second;
      }
      const [ca, cb] = this.clause(i);
      // "… cho ba sĩ quan …, gồm: A, B và C": the people after "cho"
      const cho = t.slice(to.end, cb + 1).find((x) => x.f === 'cho');
      const people = cho
        ? [
            ...new Set(
              this.inSentence(t[i]!.s)
                .filter((m) => m.start > cho.i)
                .map((m) => m.key),
            ),
          ]
        : this.actors(i, i);
      const date = dateIn(t, ca, cb, this.published);
      const by = deciderBefore(t, this.g, i, ca);
      for (const person of people) {
        out.push({ person, rank: to.rank, from: ca, to: to.end - 1, since: date?.date ?? null, promotion: { from, by } });
        if (from) out.push({ person, rank: from, from: ca, to: to.end - 1 });
      }
    }
    return out;
  }

  /** An award's name at i: a head ("Huân chương") and what names it ("Hữu nghị", "Bảo vệ Tổ quốc hạng Nhất", a quoted title). */
  private awardAt(i: number): { name: string; classification: string; end: number } | null {
    const t = this.tokens;
    for (const [k, h] of this.g.v.awardHeads.entries()) {
      const m = longestAt(t, i, this.cues.awards[k]!);
      if (!m) continue;
      let j = m.end;
      const line = t[i]!.line;
      while (j < t.length && t[j]!.line === line) {
        const x = t[j]!;
        // "Cờ thi đua của Chính phủ", "Bằng khen của Thủ tướng Chính phủ"
        if (x.w === 'của' && ['thu', 'chinh'].includes(t[j + 1]?.f ?? '')) j++;
        else if (x.word && (x.cap || AWARD_WORDS.has(x.f)) && !this.g.isStop(t, j)) j++;
        else if ((x.text === '"' || x.text === '“') && j === m.end) {
          const close = t.findIndex((y, k) => k > j && y.line === line && (y.text === '"' || y.text === '”'));
          if (close < 0) break;
          j = close + 1;
          break;
        } else break;
      }
      while (j > m.end && ['cua', 'va'].includes(t[j - 1]!.f)) j--;
      const isTitle = h.classification === 'title';
      if (j === m.end && !isTitle) return null;
      let start = i;
      if (t[i]!.f === 'danh' && t[i + 1]?.f === 'hieu') start = i + 2;
      const name = this.g.written(t, start, j).replace(/ "/, ' "');
      return { name: name.charAt(0).toUpperCase() + name.slice(1), classification: h.classification, end: j };
    }
    return null;
  }

  awards(): AwardFinding[] {
    const out: AwardFinding[] = [];
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      const award = this.awardAt(i);
      if (!award) continue;
      const [sa] = sentenceRange(t, t[i]!.s);
      const [ca, cb] = this.clause(i);
      const lead = t.slice(ca, i);
      const near = (list: string[][]) => findIn(t, Math.max(ca, i - 8), i - 1, list);
      if (near(INTENT).length) continue;
      const proposed = findIn(t, sa, i - 1, PROPOSE).length > 0;
      const conferred = near(CONFER).length > 0 || lead.some((x) => x.f === 'duoc' && t[x.i + 1]?.f === 'phong');
      if (!proposed && !conferred) continue;
      const recipients: AwardFinding['recipient'][] = [];
      let j = award.end;
      // "… cho / đối với RECIPIENT (và RECIPIENT)"
      if (t[j]?.f === 'cho' || (t[j]?.f === 'doi' && t[j + 1]?.f === 'voi')) {
        j += t[j]!.f === 'cho' ? 1 : 2;
        while (j <= cb) {
          const m = this.mentions.find((x) => x.from <= j + 2 && x.from >= j && x.start >= j);
          const org = m ? null : this.g.orgAt(t, j, null);
          if (m) {
            recipients.push({ person: m.key });
            j = m.end;
          } else if (org && !org.org.incomplete) {
            recipients.push({ org: org.org });
            j = org.end;
          } else break;
          if (t[j]?.f === 'va' || t[j]?.text === ',') j++;
          else break;
        }
      } else {
        const before = this.inSentence(t[i]!.s).filter((m) => m.end <= i && m.start >= ca);
        if (before.length) recipients.push({ person: before.at(-1)!.key });
      }
      const date = dateIn(t, ca, cb, this.published);
      for (const recipient of recipients)
        out.push({
          award: { name: award.name, classification: award.classification },
          recipient,
          status: proposed ? 'proposed' : 'conferred',
          from: ca,
          to: Math.max(award.end - 1, j - 1),
          date: date?.date ?? null,
        });
      i = award.end - 1;
    }
    return out;
  }

  /** The article's main event: the first named one ("Hội nghị …", "Đại hội …", "buổi lễ …") with its date. */
  event(): EventFinding | null {
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      if (t[i]!.line === 0) continue;
      for (const [k, e] of this.g.v.events.entries()) {
        const m = longestAt(t, i, this.cues.events[k]!);
        if (!m) continue;
        let j = m.end;
        while (j < t.length && j - i < 16 && t[j]!.line === t[i]!.line && t[j]!.s === t[i]!.s) {
          const x = t[j]!;
          if (!x.word && !(x.text === ',' && t[j + 1]?.word && !t[j + 1]!.cap && !this.g.isStop(t, j + 1)) && x.text !== '-') break;
          if (x.word && this.g.isStop(t, j) && !['nam', 'ngay'].includes(x.f)) break;
          if (x.word && ['de', 'voi', 'tai', 'nham', 'vao', 'va', 'duoc', 'bau'].includes(x.f)) break;
          j++;
        }
        const [sa, sb] = sentenceRange(t, t[i]!.s);
        const date = dateIn(t, sa, sb, this.published);
        if (j === m.end && !date) continue;
        const name = this.g.written(t, i, j);
        return {
          name: name.charAt(0).toUpperCase() + name.slice(1),
          classification: e.classification,
          date: date?.date ?? null,
          dateNote: date?.note ?? null,
          from: sa,
          to: sb,
        };
      }
    }
    return null;
  }

  participations(): ParticipationFinding[] {
    const out: ParticipationFinding[] = [];
    const t = this.tokens;
    for (let i = 0; i < t.length; i++) {
      for (const [k, cue] of this.g.v.participation.entries()) {
        const m = longestAt(t, i, this.cues.participation[k]!);
        if (!m) continue;
        const s = t[i]!.s;
        const [sa] = sentenceRange(t, s);
        const people = this.inSentence(s);
        if (!people.length) continue;
        let chosen: PersonMention[] = [];
        const initial = i - sa <= 2 && ['attendee', 'opening_speaker', 'closing_speaker', 'reporter', 'speaker'].includes(cue.role);
        if (cue.role === 'attendee' && initial) chosen = people.filter((p) => p.start > i);
        else if (initial) chosen = people.filter((p) => p.start > i).slice(0, 1);
        else if (i - sa > 2) {
          const [ca] = this.clause(i);
          // the cue follows the person's title chain closely ("X, Thứ trưởng Bộ Tư pháp ký kết …")
          const before = people.filter((p) => p.end <= i && p.start >= ca && i - p.to <= 6);
          chosen = before.length ? [before.at(-1)!] : [];
          // "A và B được nhận quyết định": everyone of a list joined by "và" / ","
          for (let k = people.indexOf(chosen[0]!) - 1; chosen.length && k >= 0; k--) {
            const p = people[k]!;
            const joiner = t[chosen[0]!.from - 1];
            if (p.start >= ca && (joiner?.w === 'và' || joiner?.text === ',') && p.to >= chosen[0]!.from - 3) chosen.unshift(p);
            else break;
          }
          // "trao quyết định … cho X": X receives
          if (cue.role === 'recipient' && !before.length) chosen = [];
        }
        // a name inside another's title ("Lăng Chủ tịch Hồ Chí Minh") takes no part
        chosen = chosen.filter((p) => !people.some((o) => o !== p && o.from <= p.from && o.to >= p.to && o.start !== p.start));
        for (const p of chosen)
          out.push({ person: p.key, role: cue.role, roleText: this.g.written(t, i, m.end), from: Math.min(p.from, i), to: Math.max(p.to, m.end - 1, i) });
        i = m.end - 1;
        break;
      }
      // "trao quyết định … cho X" — X is a recipient
      if (matchAt(t, i, HAND_OVER) > 0) {
        const cho = t.slice(i, sentenceRange(t, t[i]!.s)[1] + 1).find((x) => x.f === 'cho');
        if (cho)
          for (const p of this.inSentence(t[i]!.s).filter((x) => x.start > cho.i && x.start <= cho.i + 4))
            out.push({ person: p.key, role: 'recipient', roleText: 'nhận quyết định', from: i, to: p.end - 1 });
      }
    }
    return out;
  }

  /** Career and other posts in sentences about one person that no title chain holds ("ông từng là …", "giữ chức …"). */
  career(taken: Set<number>, complete: (posts: PostMatch[], s: number) => PostMatch[]): PostFinding[] {
    const out: PostFinding[] = [];
    const t = this.tokens;
    const bySentence = new Map<number, PostMatch[]>();
    for (let i = 0; i < t.length; i++) {
      if (taken.has(i)) continue;
      const post = this.g.postAt(t, i);
      if (!post) continue;
      const s = t[i]!.s;
      const [sa] = sentenceRange(t, s);
      const prev = t[i - 1];
      const next = t[post.end];
      // the one who decides ("được Thủ tướng bổ nhiệm", "quyết định của Chủ tịch nước") holds no post here
      const decider =
        prev?.w === 'được' ||
        prev?.w === 'của' ||
        (next && (longestAt(t, post.end, APPOINT, true) || longestAt(t, post.end, PROMOTE, true) || ['ký', 'trao', 'quyết'].includes(next.w)));
      const [ca] = this.clause(i);
      const objectOfAppointment = findIn(t, ca, i - 1, APPOINT).length > 0 && !findIn(t, sa, i - 1, PAST).length;
      const insideOrg = [1, 2, 3].some((d) => (this.g.orgAt(t, i - d, null)?.end ?? 0) > i || (longestAt(t, i - d, this.g.heads, true)?.end ?? 0) === i);
      const cue = findIn(t, sa, i - 1, CAREER).length > 0;
      if (decider || objectOfAppointment || insideOrg || !cue || this.awardAround(i)) {
        i = post.end - 1;
        continue;
      }
      bySentence.set(s, [...(bySentence.get(s) ?? []), post]);
      i = post.end - 1;
    }
    for (const [s, posts] of bySentence) {
      const [sa] = sentenceRange(t, s);
      // a title chain: posts joined by "," or "kiêm" (a role without its organisation reads the next one's)
      const chains: PostMatch[][] = [];
      for (const p of posts) {
        const prev = chains.at(-1)?.at(-1);
        const gap = prev ? t.slice(prev.end, p.start).map((x) => x.w) : null;
        if (prev && gap && gap.length <= 2 && gap.every((w) => w === ',' || w === 'kiêm')) chains.at(-1)!.push(p);
        else chains.push([p]);
      }
      for (const post of chains.flatMap((c) => complete(c, s))) {
        // the person named last before the post, else the sentence's subject, else the one person it names
        const before = this.inSentence(s).filter((m) => m.end <= post.start && !this.replaced(m));
        const person = before.at(-1)?.key ?? this.subject(s, post.start) ?? this.only(s);
        if (!person || !post.org) continue;
        const past = findIn(t, sa, post.start - 1, PAST).length > 0 || post.former;
        out.push({ person, post, status: past ? 'ended' : 'unknown', from: sa, to: post.end - 1, note: post.note });
      }
    }
    return out;
  }

  private awardAround(i: number): boolean {
    for (let k = Math.max(0, i - 4); k < i; k++) if (this.awardAt(k) && this.awardAt(k)!.end > i) return true;
    return false;
  }
}

export const foldKey = fold;
