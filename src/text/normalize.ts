// Canonical Vietnamese spelling for stored names: NFC, and one tone-mark placement for the open
// syllables oa/oe/uy ("Toà" → "Tòa", "uỷ" → "ủy", "thuỷ" → "thủy"), the placement official usage
// prefers. Quotes are never normalised: they are evidence and keep the source's spelling.

const TONES = '\u0300\u0301\u0303\u0309\u0323'; // grave, acute, tilde, hook above, dot below

// In NFD: o|u, then a|e|y carrying a tone, at the end of a syllable (no letter follows).
// "qu" is a consonant, so quý/quỳ keep their mark on y.
const OLD_PLACEMENT = new RegExp(`(?<![qQ])([oOuU])([aAeEyY])([${TONES}])(?![\\p{L}\\p{M}])`, 'gu');

/** NFC with the tone of oa/oe/uy on the first vowel: "Toà án" → "Tòa án", "Đảng uỷ" → "Đảng ủy". */
export function canonicalSpelling(text: string): string {
  return text.normalize('NFD').replace(OLD_PLACEMENT, '$1$3$2').normalize('NFC');
}

/** canonicalSpelling, with runs of white space collapsed and the ends trimmed: for names. */
export function normalizeName(name: string): string {
  return canonicalSpelling(name).replace(/\s+/gu, ' ').trim();
}
