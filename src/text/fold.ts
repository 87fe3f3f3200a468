// The one folding function, used for indexing, querying and matching entities: canonical spelling,
// combining marks removed, đ/Đ → d (Unicode gives đ no decomposition), case folded, dash and quote
// variants unified, white space collapsed. "Toà án" and "TOA AN" fold to the same "toa an".
import { canonicalSpelling } from './normalize';

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/gu;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/gu;

export function fold(text: string): string {
  return canonicalSpelling(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A URL- and ID-safe slug of the folded text: "Bộ Tư pháp" → "bo-tu-phap". */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The words of a folded text joined by single spaces: how names and queries are compared whole. */
export function matchKey(text: string): string {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

/** Search keys stored beside names: each distinct name, alias or title, folded. */
export function searchKeys(names: Array<string | null | undefined>): string[] {
  return [...new Set(names.filter((n): n is string => !!n).map(fold))];
}
