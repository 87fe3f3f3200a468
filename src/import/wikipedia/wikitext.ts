// Reading the raw wikitext of vi.wikipedia infobox values (pure): markup to plain text, and the
// dates editors write ("[[21 tháng 10]] năm [[2022]]", "6/2010", "năm 2012", "nay",
// {{ngày sinh và tuổi|1957|7|10}}) to partial ISO dates with their precision.
import { isPartialDate } from '../../model/dates';
import { normalizeName } from '../../text/normalize';

/** Templates whose last parameter is text to keep ({{QH|Thượng tướng}} → "Thượng tướng"). */
const TEXT_TEMPLATES = new Set(['qh', 'nowrap', 'small', 'nobr', 'lang', 'resize', 'big', 'abbr', 'tooltip', 'thường trực']);

/** Removes {{…}} templates (nested), keeping the text of TEXT_TEMPLATES. */
function stripTemplates(value: string): string {
  let out = value;
  for (let guard = 0; guard < 20 && out.includes('{{'); guard++) {
    const next = out.replace(/\{\{([^{}]*)\}\}/g, (_, body: string) => {
      const parts = body.split('|').map((p) => p.trim());
      const name = (parts[0] ?? '').toLowerCase();
      return TEXT_TEMPLATES.has(name) && parts.length > 1 ? parts[parts.length - 1]! : ' ';
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Removes [[File:…]] / [[Tập tin:…]] / [[Hình:…]] images, whose captions may hold links of their own. */
function stripFiles(value: string): string {
  let out = value;
  const open = /\[\[\s*(?:tập[ _]tin|file|hình|image)\s*:/i;
  for (let guard = 0; guard < 50; guard++) {
    const m = open.exec(out);
    if (!m) break;
    let depth = 0;
    let i = m.index;
    for (; i < out.length - 1; i++) {
      if (out[i] === '[' && out[i + 1] === '[') {
        depth++;
        i++;
      } else if (out[i] === ']' && out[i + 1] === ']') {
        depth--;
        i++;
        if (depth === 0) break;
      }
    }
    out = out.slice(0, m.index) + ' ' + out.slice(i + 1);
  }
  return out;
}

/** A wikilink's target and the text it shows. */
export interface WikiLink {
  target: string;
  label: string;
}

/** The links of a value, in order (images and templates removed first). */
export function wikiLinks(value: string): WikiLink[] {
  const links: WikiLink[] = [];
  for (const m of stripTemplates(stripFiles(value)).matchAll(/\[\[([^[\]|]+)(?:\|([^[\]]*))?\]\]/g)) {
    const target = m[1]!.replace(/_/g, ' ').trim();
    links.push({ target, label: plain(m[2] ?? target) });
  }
  return links;
}

/**
 * Plain text of a value: images, references, comments and templates removed, links replaced by the
 * text they show, line breaks (<br>, list bullets) kept as "\n", spelling canonical (NFC, tone placement).
 */
export function plainLines(value: string): string[] {
  let text = value
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<ref[^>]*\/>/gi, ' ')
    .replace(/<ref[\s\S]*?<\/ref>/gi, ' ');
  text = stripTemplates(stripFiles(text));
  text = text
    .replace(/\[\[([^[\]|]+)\|([^[\]]*)\]\]/g, '$2')
    .replace(/\[\[([^[\]]+)\]\]/g, '$1')
    .replace(/\[https?:\/\/\S+\s*([^\]]*)\]/g, '$1')
    .replace(/<br\s*\/?>|<\/?p>|<\/?div[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/'{2,}/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/^\s*[*#:]+\s*/gm, '\n');
  return text
    .split('\n')
    .map((l) => normalizeName(l.replace(/_/g, ' ')))
    .filter((l) => l !== '');
}

/** Plain text on one line. */
export function plain(value: string): string {
  return plainLines(value).join(' ').replace(/\s+/g, ' ').trim();
}

/** What a term date says: a partial ISO date, "current" (nay / đương nhiệm), or nothing readable. */
export interface WikiDate {
  date: string | null;
  current: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m?: number, d?: number): string | null {
  if (y < 1850 || y > 2100) return null;
  const value = d !== undefined && m !== undefined ? `${y}-${pad(m)}-${pad(d)}` : m !== undefined ? `${y}-${pad(m)}` : String(y);
  return isPartialDate(value) ? value : null;
}

/** Birth and death templates: {{ngày sinh và tuổi|1957|7|10}}, {{năm sinh và tuổi|1964}}, {{birth date|…}}, {{ngày mất và tuổi|…}}. */
function templateDate(value: string): string | null {
  const m = /\{\{\s*(?:ngày|năm|birth|death|ngày tháng|date)[^|{}]*\|([^{}]*)\}\}/i.exec(value);
  if (!m) return null;
  const nums = m[1]!
    .split('|')
    .map((p) => p.trim())
    .filter((p) => /^\d{1,4}$/.test(p))
    .map(Number);
  if (!nums.length) return null;
  const [y, mo, d] = nums;
  if (!y || y < 1000) return null;
  return iso(y, mo && mo <= 12 ? mo : undefined, mo && mo <= 12 && d && d <= 31 ? d : undefined);
}

/**
 * A date as editors write it. The text is read first (the {{số năm theo năm và ngày}} duration
 * templates beside it are ignored: they are computed and sometimes disagree with the text).
 */
export function parseWikiDate(raw: string | undefined, options: { templates?: boolean } = {}): WikiDate {
  if (!raw) return { date: null, current: false };
  const text = plain(raw).toLowerCase();
  if (/^(nay|hiện nay|hiện tại|đương nhiệm|đến nay|present|incumbent)\b/.test(text)) return { date: null, current: true };
  const full = /(\d{1,2})\s*tháng\s*(\d{1,2})\s*(?:,\s*)?năm\s*(\d{4})/.exec(text) ?? null;
  if (full) return { date: iso(Number(full[3]), Number(full[2]), Number(full[1])), current: false };
  const dmy = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(text);
  if (dmy) return { date: iso(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])), current: false };
  const month = /tháng\s*(\d{1,2})\s*(?:,\s*)?(?:năm\s*|\/\s*)?(\d{4})/.exec(text);
  if (month) return { date: iso(Number(month[2]), Number(month[1])), current: false };
  const my = /\b(\d{1,2})[/.-](\d{4})\b/.exec(text);
  if (my) return { date: iso(Number(my[2]), Number(my[1])), current: false };
  const year = /^(?:năm\s*)?(\d{4})\b/.exec(text) ?? /\bnăm\s*(\d{4})\b/.exec(text);
  if (year) return { date: iso(Number(year[1])), current: false };
  if (options.templates) return { date: templateDate(raw), current: false };
  return { date: null, current: false };
}

/** A birth or death date: its template, else the text. */
export function parseLifeDate(raw: string | undefined): string | null {
  if (!raw) return null;
  return templateDate(raw) ?? parseWikiDate(raw).date;
}
