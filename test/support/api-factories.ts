/** Test data of the partner API (issue 17): tokens of an organisation, made by its partnerbeheerder through the service. */
import assert from 'node:assert/strict';
import type { ApiScope } from '../../src/domain/api-tokens.ts';
import { addMonths } from '../../src/domain/calendar-date.ts';
import type { Services } from '../../src/services/index.ts';
import type { TestUser } from './factories.ts';

export const ALL_SCOPES: readonly ApiScope[] = ['dossiers:read', 'stappen:write', 'documenten:write', 'aanvragen:write'];

export async function anApiToken(
  services: Services,
  admin: TestUser,
  options: { name?: string; scopes?: readonly ApiScope[]; months?: number } = {},
): Promise<{ id: string; token: string; name: string }> {
  const actor = await services.auth.currentActor(admin.id);
  assert.ok(actor !== undefined, 'the partnerbeheerder exists');
  const result = await services.apiTokens.create(actor, {
    name: options.name ?? 'CRM',
    scopes: options.scopes ?? ALL_SCOPES,
    expiresOn: addMonths(services.clock.today(), options.months ?? 6),
  });
  assert.ok(result.ok, JSON.stringify(result));
  return result.value;
}
