// Partial ISO 8601 dates (YYYY, YYYY-MM, YYYY-MM-DD) as intervals: "2024-04" is 2024-04-01…2024-04-30.
// Interval bounds are full ISO dates, so they compare as strings in Cypher.
/** ISO 8601 date, possibly partial: 2024, 2024-04, 2024-04-10. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A well-formed partial date naming a real day (no 2024-02-30). */
export function isPartialDate(value: string): boolean {
  if (!PARTIAL_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return d === undefined || d <= new Date(Date.UTC(y!, m!, 0)).getUTCDate();
}

/** The first day a partial date covers. */
export function dateLo(value: string): string {
  const [y, m = '01', d = '01'] = value.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day a partial date covers. */
export function dateHi(value: string): string {
  const [y = '0', m, d] = value.split('-');
  if (d) return value;
  if (!m) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(last).padStart(2, '0')}`;
}
