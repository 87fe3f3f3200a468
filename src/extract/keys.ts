// How extracted and expected facts are compared (npm run eval:extract): folded, abbreviations
// expanded, and "tỉnh" / "thành phố" before a place ignored ("UBND TP Hà Nội" = "Ủy ban nhân dân Hà Nội").
import { fold } from '../text/fold';
import { vocabulary } from './vocabulary';

let expansions: Map<string, string> | undefined;

/** A post's comparison key. */
export function postKey(label: string): string {
  expansions ??= new Map(Object.entries(vocabulary().abbreviations).map(([k, v]) => [fold(k), fold(v)]));
  const words = fold(label)
    .split(/[^a-z0-9&]+/)
    .filter(Boolean)
    .map((w) => expansions!.get(w) ?? w)
    .join(' ')
    .replace(/\btinh uy\b/g, 'tinhuy')
    .replace(/\bthanh uy\b/g, 'thanhuy')
    .replace(/\b(tinh|thanh pho|tp)\b/g, ' ');
  return words.replace(/\s+/g, ' ').trim();
}

/** An award's comparison key: its folded name without quotes or "danh hiệu". */
export function awardKey(name: string): string {
  return fold(name)
    .replace(/^danh hieu /, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A name's comparison key. */
export function nameKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
