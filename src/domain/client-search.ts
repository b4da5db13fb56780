/**
 * Finding a client by name (issue 15, defect 3). Names are compared in one normal form: lower
 * case, without accents (Çelik = celik, Müller = muller, Noël = noel), every character that is
 * not a letter or digit (hyphen, apostrophe, dot) a space. The stored search columns of a client
 * hold that form of its first and family name, written by the application on insert; the query
 * goes through the same function, so both sides agree on every database.
 *
 * A client matches when
 * - every word of the query starts a word of the name ("Amrani", "El Amrani", "Fatima El Amrani",
 *   "Broeck", "den Broeck"), or starts the family name written without spaces ("Vandevelde" or
 *   "Vande" for Van de Velde); or
 * - the query without spaces starts the whole name without spaces, in either order
 *   ("Van de Velde" finds Vande Velde, "Jan Vandevelde" finds Jan Van de Velde).
 * Best first: the exact full name, the exact family name, every word a whole word, every word a
 * word prefix, then the rest.
 */

/** Letters that do not decompose into a base letter and a mark. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** The normal form of a name or query: "Van den Broeck-Çelik" → "van den broeck celik". */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/gu, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** What is stored with a client to find it by (columns `search_first_name`, `search_family_name`). */
export type NameSearchKeys = Readonly<{ searchFirstName: string; searchFamilyName: string }>;

export function nameSearchKeys(name: Readonly<{ firstName: string; familyName: string }>): NameSearchKeys {
  return { searchFirstName: normaliseName(name.firstName), searchFamilyName: normaliseName(name.familyName) };
}

/** A name query as the repository runs it: its words and the words joined without spaces. */
export type NameQuery = Readonly<{ words: readonly string[]; joined: string }>;

/** The query's words in normal form; undefined when nothing searchable is left. */
export function nameQuery(text: string): NameQuery | undefined {
  const normal = normaliseName(text);
  if (normal === '') return undefined;
  const words = normal.split(' ');
  return { words, joined: words.join('') };
}

/** The rank of a match, best first; the repository computes the same in SQL (kept here as the rule it follows). */
export const NAME_MATCH_RANK = {
  exactFullName: 0,
  exactFamilyName: 1,
  wholeWords: 2,
  wordPrefixes: 3,
  joined: 4,
} as const;

/**
 * The rank of a client's name for a query, or undefined when it does not match. The database
 * query does the same in SQL (clients repository); this is the rule, unit tested, and the
 * integration test compares the two.
 */
export function rankName(keys: NameSearchKeys, query: NameQuery): number | undefined {
  const nameWords = `${keys.searchFirstName} ${keys.searchFamilyName}`.split(' ').filter((w) => w !== '');
  const first = keys.searchFirstName.replaceAll(' ', '');
  const family = keys.searchFamilyName.replaceAll(' ', '');
  const startsWord = (w: string): boolean => nameWords.some((n) => n.startsWith(w));
  if (query.joined === first + family || query.joined === family + first) return NAME_MATCH_RANK.exactFullName;
  if (query.joined === family) return NAME_MATCH_RANK.exactFamilyName;
  if (query.words.every((w) => nameWords.includes(w))) return NAME_MATCH_RANK.wholeWords;
  if (query.words.every(startsWord)) return NAME_MATCH_RANK.wordPrefixes;
  const wordOrFamily = query.words.every((w) => startsWord(w) || family.startsWith(w));
  if (wordOrFamily || (first + family).startsWith(query.joined) || (family + first).startsWith(query.joined)) return NAME_MATCH_RANK.joined;
  return undefined;
}
