// What the interchange formats (Popolo, FtM, CSV) share: a whole file becomes ONE facts file (one
// Source of kind dataset), built entry by entry with the place in the input each entry came from,
// so that a problem found by the facts-file validation names the input's record and field.
import crypto from 'node:crypto';
import { slug } from '../text/fold';

type Entry = Record<string, unknown>;

/** Where in the input an entry was read: "persons[3] (id bc58…)", "line 12 (Occupancy NK-…)". */
export type Origin = string;

/** A problem of the input itself (before any facts file exists): record and field. */
export interface InputProblem {
  record: Origin;
  field: string;
  message: string;
}

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problems: InputProblem[],
  ) {
    super(`${file}: ${problems.length} bad record(s), nothing written:\n${problems.map((p) => `  ${p.record}: ${p.field}: ${p.message}`).join('\n')}`);
    this.name = 'InputError';
  }
}

/** A short stable hash (ids of entities that have no readable unique name). */
export const shortHash = (text: string) => crypto.createHash('sha1').update(text).digest('hex').slice(0, 8);

/** A readable id that stays unique: the slug of the name and a hash of the input id within its scope. */
export function scopedId(prefix: string, name: string, scope: string, inputId: string): string {
  const s = slug(name).slice(0, 60).replace(/-+$/, '');
  return `${prefix}/${s ? `${s}-` : ''}${shortHash(`${scope}|${inputId}`)}`;
}

/** Identifier "scheme:value" in the model's format, or null when the value cannot be one (kept in the raw record). */
export function identifier(scheme: string, value: unknown): string | null {
  const s = scheme
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_');
  const v = String(value ?? '').trim();
  if (!/^[a-z]/.test(s) || !v || /\s/.test(v)) return null;
  return `${s}:${v}`;
}

/** A partial ISO date of an input value (a date-time keeps its day), or undefined when it is none. */
export function isoDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$/.exec(String(value).trim());
  return m ? m[1] : undefined;
}

/** The facts file of a dataset, entry by entry, with the origin of each entry. */
export class DatasetFacts {
  readonly sections: Record<string, Entry[]> = {};
  /** section → origin of each entry, by index. */
  readonly origins: Record<string, Origin[]> = {};
  private readonly byKey = new Map<string, Entry>();

  constructor(readonly source: Entry) {}

  /** Adds an entry (entities by id, facts by `key`): the same one twice is merged, its evidence or mentions joined. */
  add(section: string, entry: Entry, origin: Origin, key = String(entry.id)): Entry {
    const k = `${section}|${key}`;
    const known = this.byKey.get(k);
    if (known) {
      for (const list of ['evidence', 'mentions'] as const) {
        if (!Array.isArray(entry[list])) continue;
        const seen = new Set((known[list] as unknown[]).map((e) => JSON.stringify(e)));
        known[list] = [...(known[list] as unknown[]), ...(entry[list] as unknown[]).filter((e) => !seen.has(JSON.stringify(e)))];
      }
      return known;
    }
    (this.sections[section] ??= []).push(entry);
    (this.origins[section] ??= []).push(origin);
    this.byKey.set(k, entry);
    return entry;
  }

  has(section: string, key: string): boolean {
    return this.byKey.has(`${section}|${key}`);
  }

  /** The facts file (JSON-ready). */
  facts(): Entry {
    return { source: this.source, ...this.sections };
  }

  /** The input origin of a facts-file entry named "section[i] (…)", else the entry as named. */
  originOf(entry: string): Origin {
    const m = /^([a-zA-Z]+)\[(\d+)\]/.exec(entry);
    return (m && this.origins[m[1]!]?.[Number(m[2])]) || entry;
  }
}

/** Evidence or a mention citing a whole input record (its JSON text), and each source URL it gives. */
export function recordEvidence(field: string, raw: unknown, urls: string[] = []): Array<{ field: string; value: string }> {
  return [{ field, value: JSON.stringify(raw) }, ...[...new Set(urls)].filter(Boolean).map((u) => ({ field: 'sourceUrl', value: u }))];
}
