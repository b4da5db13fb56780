/**
 * The occupation catalogue (K2): the 436 unit groups of ISCO-08 with Dutch titles, extended by a
 * beheerder. Searching by name is done here, on the whole catalogue in memory (a few hundred
 * rows), so that it ignores case and accents the same way on every database.
 */
import { requiredText, type Problem } from '../result.ts';

export type Occupation = Readonly<{
  /** ISCO-08 unit group code (`2513`), or for an added entry its group code and a number (`2513-1`). */
  code: string;
  /** The ISCO-08 unit group the occupation belongs to. */
  iscoGroup: string;
  title: string;
  /** Loaded with the catalogue, or added by a beheerder. */
  source: 'isco-08' | 'beheerder';
}>;

export type OccupationSource = Occupation['source'];

export const OCCUPATION_TITLE_MAX = 150;

/** Lower case without diacritics: "Zoölogen" and "zoologen" are found alike. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The occupations whose title contains every word of the query (in any order), or whose code
 * starts with it. Titles that start with the query come first, then titles with a word that
 * starts with it, then the rest; alphabetical within each.
 */
export function searchOccupations<T extends Occupation>(catalogue: readonly T[], query: string, limit: number): T[] {
  const key = searchKey(query);
  if (key === '') return [];
  const words = key.split(' ');
  const rank = (occupation: T): number | null => {
    if (/^\d/.test(key)) return occupation.code.startsWith(key) ? 0 : null;
    const title = searchKey(occupation.title);
    if (!words.every((w) => title.includes(w))) return null;
    if (title.startsWith(key)) return 0;
    return title.split(/[\s,()/-]+/).some((part) => part.startsWith(words[0] ?? '')) ? 1 : 2;
  };
  return catalogue
    .map((occupation) => ({ occupation, rank: rank(occupation) }))
    .filter((r): r is { occupation: T; rank: number } => r.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.occupation.title.localeCompare(b.occupation.title, 'nl'))
    .slice(0, limit)
    .map((r) => r.occupation);
}

export function isIscoUnitGroupCode(value: string): boolean {
  return /^\d{4}$/.test(value);
}

/** A beheerder's new entry: a title that is not yet in the catalogue, under an existing ISCO-08 unit group. */
export function checkNewOccupation(input: { title: string; iscoGroup: string }, catalogue: readonly Occupation[]): Problem[] {
  const problems = requiredText('titel', input.title, OCCUPATION_TITLE_MAX);
  if (problems.length === 0 && catalogue.some((o) => searchKey(o.title) === searchKey(input.title))) problems.push({ field: 'titel', code: 'bestaat-al' });
  if (input.iscoGroup === '') problems.push({ field: 'isco-code', code: 'verplicht' });
  else if (!isIscoUnitGroupCode(input.iscoGroup) || !catalogue.some((o) => o.source === 'isco-08' && o.code === input.iscoGroup)) {
    problems.push({ field: 'isco-code', code: 'onbekende-isco-code' });
  }
  return problems;
}

/** The code of the n-th entry a beheerder added to a unit group: `2513-1`, `2513-2`... */
export function addedOccupationCode(iscoGroup: string, existingCodes: readonly string[]): string {
  const used = existingCodes
    .filter((code) => code.startsWith(`${iscoGroup}-`))
    .map((code) => Number(code.slice(iscoGroup.length + 1)))
    .filter((n) => Number.isInteger(n));
  return `${iscoGroup}-${Math.max(0, ...used) + 1}`;
}
