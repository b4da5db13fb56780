import { sql } from 'kysely';
import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { Client } from '../../domain/clients.ts';
import type { ContactData } from '../../domain/dossier/contact.ts';
import type { Insz } from '../../domain/insz.ts';
import type { ClientRow } from '../schema/index.ts';
import type { Executor } from './executor.ts';

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

/** Service staff search: by family and/or first name, prefix and case-insensitive. */
export async function searchByName(trx: Executor, words: readonly string[], limit: number): Promise<Client[]> {
  let query = trx.selectFrom('clients').selectAll();
  for (const word of words) {
    const pattern = `${escapeLike(word.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(family_name)`, 'like', pattern), eb(sql<string>`lower(first_name)`, 'like', pattern)]),
    );
  }
  const rows = await query.orderBy('familyName').orderBy('firstName').limit(limit).execute();
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
  const row = await trx.selectFrom('clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
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
    .values({ insz: client.insz, familyName: client.familyName, firstName: client.firstName, birthDate: client.birthDate, createdAt: at })
    .onConflict((oc) => oc.column('insz').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}
