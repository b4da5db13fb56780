import { sql, type RawBuilder } from 'kysely';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Client } from '../../domain/clients.ts';
import { NAME_MATCH_RANK, nameSearchKeys, type NameQuery } from '../../domain/client-search.ts';
import type { ContactData } from '../../domain/dossier/contact.ts';
import type { Insz } from '../../domain/insz.ts';
import type { ClientRow } from '../schema/index.ts';
import type { Executor } from './executor.ts';
import { countRows } from './shared.ts';

export async function findById(trx: Executor, id: string): Promise<Client | undefined> {
  const row = await trx.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toClient(row);
}

/** Serialises changes that concern one client (row lock until the transaction ends). */
export async function lockForUpdate(trx: Executor, id: string): Promise<void> {
  await trx.selectFrom('clients').select('id').where('id', '=', id).forUpdate().execute();
}

export async function findByInsz(trx: Executor, insz: Insz): Promise<Client | undefined> {
  const row = await trx.selectFrom('clients').selectAll().where('insz', '=', insz).executeTakeFirst();
  return row && toClient(row);
}

/**
 * Service staff search by name (issue 15 defect 3): the rule and its ranking are those of
 * `rankName` in domain/client-search.ts, computed here in SQL on the stored normal forms, so that
 * the best matches come first before the limit cuts the list.
 */
export async function searchByName(trx: Executor, query: NameQuery, limit: number): Promise<Client[]> {
  const words = sql`(' ' || search_first_name || ' ' || search_family_name || ' ')`;
  const first = sql`replace(search_first_name, ' ', '')`;
  const family = sql`replace(search_family_name, ' ', '')`;
  const all = (conditions: RawBuilder<unknown>[]) => sql`(${sql.join(conditions, sql` and `)})`;
  const startsWord = (w: string) => sql`${words} like ${`% ${escapeLike(w)}%`}`;
  const startsFamily = (w: string) => sql`${family} like ${`${escapeLike(w)}%`}`;
  const joinedPrefix = `${escapeLike(query.joined)}%`;
  const matches = sql<boolean>`(${all(query.words.map((w) => sql`(${startsWord(w)} or ${startsFamily(w)})`))}
    or (${first} || ${family}) like ${joinedPrefix} or (${family} || ${first}) like ${joinedPrefix})`;
  const rank = sql<number>`case
    when (${first} || ${family}) = ${query.joined} or (${family} || ${first}) = ${query.joined} then ${sql.lit(NAME_MATCH_RANK.exactFullName)}
    when ${family} = ${query.joined} then ${sql.lit(NAME_MATCH_RANK.exactFamilyName)}
    when ${all(query.words.map((w) => sql`${words} like ${`% ${escapeLike(w)} %`}`))} then ${sql.lit(NAME_MATCH_RANK.wholeWords)}
    when ${all(query.words.map(startsWord))} then ${sql.lit(NAME_MATCH_RANK.wordPrefixes)}
    else ${sql.lit(NAME_MATCH_RANK.joined)} end`;
  const rows = await trx
    .selectFrom('clients')
    .selectAll()
    .where(matches)
    .orderBy(rank)
    // byte order of the normal forms: the same on every database, whatever its locale
    .orderBy(sql`search_family_name collate "C"`)
    .orderBy(sql`search_first_name collate "C"`)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toClient);
}

export type NewClient = Omit<Client, 'id' | 'version'>;

export async function insert(trx: Executor, client: NewClient, at: Date): Promise<string> {
  const row = await trx
    .insertInto('clients')
    .values({
      insz: client.insz,
      familyName: client.familyName,
      firstName: client.firstName,
      ...nameSearchKeys(client),
      birthDate: client.birthDate,
      email: client.email,
      phone: client.phone,
      street: client.street,
      postcode: client.postcode,
      city: client.city,
      createdAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function count(trx: Executor): Promise<number> {
  return countRows(trx, 'clients');
}

/** K2: the client's contact data, when the client is still at `expectedVersion` (O12); false otherwise. */
export async function updateContact(trx: Executor, id: string, expectedVersion: number, contact: ContactData): Promise<boolean> {
  const result = await trx
    .updateTable('clients')
    .set((eb) => ({
      phone: contact.phone,
      email: contact.email,
      street: contact.street,
      postcode: contact.postcode,
      city: contact.city,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function toClient(row: ClientRow): Client {
  return {
    id: row.id,
    insz: row.insz as Insz,
    familyName: row.familyName,
    firstName: row.firstName,
    birthDate: row.birthDate as CalendarDate,
    email: row.email,
    phone: row.phone,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    version: row.version,
  };
}

/** A3: a client from an approved request's data; undefined when the INSZ was registered meanwhile. */
export async function insertIfAbsent(trx: Executor, client: NewClient, at: Date): Promise<string | undefined> {
  const row = await trx
    .insertInto('clients')
    .values({ insz: client.insz, familyName: client.familyName, firstName: client.firstName, ...nameSearchKeys(client), birthDate: client.birthDate, createdAt: at })
    .onConflict((oc) => oc.column('insz').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
