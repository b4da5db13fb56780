/**
 * The partner API's contract (issue 17): generates the OpenAPI document from the routes' TypeBox
 * schemas, as /api/openapi.json serves it, and compares it with the checked-in docs/openapi.json.
 * Exits 1 with a hint when they differ, so that a change of contract shows in review.
 *
 *   npm run check:openapi           compare
 *   npm run openapi:write           write docs/openapi.json anew
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { createDatabase } from '../src/db/database.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { buildApp } from '../src/http/app.ts';
import { settableClock } from '../src/services/clock.ts';
import { createServices } from '../src/services/index.ts';
import type { BlobStore } from '../src/storage/blob-store.ts';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

export async function generatedOpenApi(): Promise<string> {
  // The document depends on the routes only: no migrations, no requests, a clock that stands still.
  const db = createDatabase({ kind: 'pglite', dataDir: undefined });
  const storage = {} as BlobStore; // never used: no request is made
  const services = createServices(db, createRepositories(), settableClock(new Date(0)), storage);
  const app = await buildApp(services, loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false' }), { logger: false });
  try {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    return `${JSON.stringify(response.json(), null, 2)}\n`;
  } finally {
    await app.close();
    await db.destroy();
  }
}

const generated = await generatedOpenApi();
if (process.argv.includes('--write')) {
  writeFileSync(target, generated);
  console.log('docs/openapi.json geschreven.');
} else {
  let checkedIn: string;
  try {
    checkedIn = readFileSync(target, 'utf8');
  } catch {
    checkedIn = '';
  }
  if (checkedIn !== generated) {
    console.error('docs/openapi.json verschilt van het contract dat de code genereert. Voer `npm run openapi:write` uit en neem het verschil op in de commit.');
    process.exitCode = 1;
  } else {
    console.log('docs/openapi.json komt overeen met de code.');
  }
}
