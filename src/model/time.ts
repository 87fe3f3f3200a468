// How a fact is known in time: the one home of the rule (pure; table-driven tests in test/unit/time.test.ts).
//
// STATED: the fact's own dates, or a source dated within them that saw it hold, cover the date.
//   A lasting fact (a post, a rank, a membership) is stated from its start — else from the earliest
//   source that saw it held — to its end — else to the latest source that saw it held. An instant (a
//   participation, a conferral) is stated on its date, else its event's date, else its source's date.
// PRESUMED: only carried forward (or back) from a source that saw it held, as far as the type's
//   `presume` years allow (model.yaml), and never past what ends it: its own stated end or a source
//   that saw it ended, a later holding of the same slot (the same person in the same post, the next
//   rank), or — in a single-holder post — another holder's stated start. Carried back likewise, never
//   before its own stated start or another holder's stated end.
// Dates are partial ISO dates (2024, 2024-04, 2024-04-10); intervals are full ISO dates, null = open.
import { dateHi, dateLo } from './dates';

/** Bump when the rules below change: facts files are then written again (their digest includes it). */
export const TIME_RULES_VERSION = 1;
import type { TimeSpec } from './model';

/** One source's sighting of a fact: the source's date (published, else retrieved) and the status it gives. */
export interface Sighting {
  date: string | null;
  status?: string | null;
}

/** What the rule needs of one fact. */
export interface TimeInput {
  id: string;
  start?: string | null;
  end?: string | null;
  /** The fact's status (e.g. current/ended), used for sightings that give none. */
  status?: string | null;
  /** An instant's own date, or its event's dates. */
  date?: string | null;
  eventStart?: string | null;
  eventEnd?: string | null;
  sightings: Sighting[];
  /** Facts with the same slot key are the same holding over time (same person, same post). */
  slot?: string | null;
  /** Facts with the same exclusive key compete for a single-holder post (null when the post has many holders). */
  exclusive?: string | null;
}

/** What is stored on the fact (full ISO dates; null = open, or nothing known for stated*). */
export interface DerivedTime {
  statedFrom: string | null;
  statedTo: string | null;
  validFrom: string | null;
  validTo: string | null;
  lastSeen: string | null;
}

export type Basis = 'stated' | 'presumed';

const byLo = (a: string, b: string) => (dateLo(a) < dateLo(b) ? -1 : dateLo(a) > dateLo(b) ? 1 : 0);

function shiftDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

function shiftYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y! + years;
  const last = new Date(Date.UTC(year, m!, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

const min = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const max = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** The latest sighting's date, as the source gives it (partial dates kept). */
function lastSeenOf(f: TimeInput): string | null {
  const dates = f.sightings.map((s) => s.date).filter((d): d is string => !!d);
  return dates.length ? dates.sort(byLo)[dates.length - 1]! : null;
}

const ended = (spec: TimeSpec, f: TimeInput, s: Sighting) => !!spec.status && (s.status ?? f.status) === 'ended';

/** The stated interval of one fact, on its own. */
export function statedInterval(spec: TimeSpec, f: TimeInput): [string, string] | null {
  const dated = f.sightings.filter((s): s is Sighting & { date: string } => !!s.date);
  if (spec.kind === 'instant') {
    const d = f.date ?? f.eventStart ?? dated.map((s) => s.date).sort(byLo)[0] ?? null;
    if (!d) return null;
    const end = f.date ? f.date : f.eventStart ? (f.eventEnd ?? f.eventStart) : d;
    return [dateLo(d), dateHi(end)];
  }
  // A source dated after the stated end does not see it held (it reports the past).
  const seen = dated.filter((s) => !ended(spec, f, s) && (!f.end || dateLo(s.date) <= dateHi(f.end))).map((s) => s.date);
  const lo = f.start ? dateLo(f.start) : seen.length ? seen.map(dateLo).sort()[0]! : f.end ? dateLo(f.end) : null;
  let hi = f.end ? dateHi(f.end) : seen.length ? seen.map(dateHi).sort()[seen.length - 1]! : f.start ? dateHi(f.start) : null;
  if (lo === null || hi === null) return null;
  if (hi < lo) hi = f.start ? dateHi(f.start) : lo;
  return [lo, hi];
}

/**
 * Derives the time of every fact of one type in a group (a fact and the facts that can end its
 * presumption: same slot, same single-holder post). Facts outside the group are not needed.
 */
export function deriveTime(spec: TimeSpec, facts: TimeInput[]): Map<string, DerivedTime> {
  const stated = new Map(facts.map((f) => [f.id, statedInterval(spec, f)]));
  const out = new Map<string, DerivedTime>();
  for (const f of facts) {
    const own = stated.get(f.id) ?? null;
    const lastSeen = lastSeenOf(f);
    if (!own) {
      out.set(f.id, { statedFrom: null, statedTo: null, validFrom: null, validTo: null, lastSeen });
      continue;
    }
    const [sFrom, sTo] = own;
    let validFrom: string | null = sFrom;
    let validTo: string | null = sTo;
    const presume = spec.kind === 'lasting' ? spec.presume : undefined;
    if (presume) {
      const peers = facts.filter((p) => p.id !== f.id && ((f.slot && p.slot === f.slot) || (f.exclusive && p.exclusive === f.exclusive && p.slot !== f.slot)));
      const peerStated = peers.map((p) => stated.get(p.id)).filter((s): s is [string, string] => !!s);
      // Forward: not past a stated end, a sighting of its end, a later holding of the slot or post.
      const sawEnded = f.sightings.filter((s) => s.date && ended(spec, f, s)).map((s) => dateLo(s.date!));
      if (!f.end && !(sawEnded.length && sawEnded.every((d) => d <= sTo))) {
        let to: string | null = presume.forward === null ? null : shiftYears(sTo, presume.forward);
        for (const d of sawEnded) if (d > sTo) to = min(to, shiftDays(d, -1));
        for (const [pFrom] of peerStated) if (pFrom > sTo) to = min(to, shiftDays(pFrom, -1));
        validTo = to === null ? null : max(to, sTo);
      }
      // Back: not before a stated start, nor before an earlier holding of the slot or post ended.
      if (!f.start) {
        let from: string | null = presume.back === null ? null : shiftYears(sFrom, -presume.back);
        for (const [, pTo] of peerStated) if (pTo < sFrom) from = max(from, shiftDays(pTo, 1));
        validFrom = from === null ? null : min(from, sFrom);
      }
    }
    out.set(f.id, { statedFrom: sFrom, statedTo: sTo, validFrom, validTo, lastSeen });
  }
  return out;
}

/** Does [from, to] (null = open) overlap the interval a partial date names? */
export function overlaps(from: string | null | undefined, to: string | null | undefined, at: string): boolean {
  return (from == null || from <= dateHi(at)) && (to == null || to >= dateLo(at));
}

/** How a fact with these derived dates is known to hold at `at`; null when it is not known to. */
export function basisAt(t: Partial<DerivedTime>, at: string): Basis | null {
  if (!t.statedFrom || !t.statedTo) return null;
  if (overlaps(t.statedFrom, t.statedTo, at)) return 'stated';
  if (overlaps(t.validFrom, t.validTo, at)) return 'presumed';
  return null;
}
