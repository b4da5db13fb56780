import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeOnEachDatabase } from '../support/test-app.ts';

describeOnEachDatabase('database types', async () => undefined, (get) => {
  it('reads a date column as a YYYY-MM-DD string (calendar day, no time zone) and a count as a number', async () => {
    const result = await sql<{ day: unknown; n: unknown }>`select '2020-01-02'::date as day, count(*) as n from generate_series(1, 3)`.execute(get().db);
    assert.deepEqual(result.rows[0], { day: '2020-01-02', n: 3 });
  });
});
