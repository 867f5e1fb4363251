/** Text normalisation shared by search and identity matching. */

/** Lower case, accents removed, hyphens/apostrophes/extra spaces folded: "O'Brien-Smith" -> "obrien smith". */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[-‐‑–—.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a search box query is matched against: names folded, NHS number without spaces. */
export function searchKey(value: string): string {
  const folded = normaliseName(value);
  return /^[\d\s]+$/.test(folded) ? folded.replace(/\s/g, '') : folded;
}
