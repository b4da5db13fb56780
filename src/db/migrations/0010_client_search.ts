/**
 * Client search by any part of a name, without regard to case or accents (issue 15, defect 3).
 * Two columns hold the normal form of the first and family name (lower case, accents removed,
 * every character that is not a letter or digit a space: "Van den Broeck-Çelik" → "van den
 * broeck celik"). The application writes them on every insert (domain/client-search.ts); this
 * migration fills them for the clients already there, with its own copy of that function as it
 * stood when the migration landed, and then makes them required.
 *
 * The normal form is made in the application, not in SQL: PGlite has no `unaccent`, and
 * `lower()` of a non-ASCII letter depends on the database's locale, so only the application's
 * Unicode normalisation gives the same key on PGlite and PostgreSQL.
 * Written against Kysely<any>; never edited after it landed.
 */
import { sql } from 'kysely';
import { type AnyDb } from './migration-helpers.ts';

const BATCH = 1000;

const SPECIAL_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/gu, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

type NameRow = { id: string; first_name: string; family_name: string };

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('clients')
    .addColumn('search_first_name', 'text')
    .addColumn('search_family_name', 'text')
    .execute();

  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await db
      .selectFrom('clients')
      .select(['id', 'first_name', 'family_name'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as NameRow[];
    const last = rows.at(-1);
    if (last === undefined) break;
    const values = rows.map((r) => sql`(${r.id}::uuid, ${normaliseName(r.first_name)}, ${normaliseName(r.family_name)})`);
    await sql`update clients as c set search_first_name = v.first_name, search_family_name = v.family_name
      from (values ${sql.join(values)}) as v(id, first_name, family_name) where c.id = v.id`.execute(db);
    after = last.id;
  }

  await db.schema
    .alterTable('clients')
    .alterColumn('search_first_name', (c) => c.setNotNull())
    .alterColumn('search_family_name', (c) => c.setNotNull())
    .execute();
}
