/**
 * W5 (issue 17): "Webhooks" of an organisation, managed by its partnerbeheerder only. Register an
 * endpoint (URL checked for HTTPS and a public destination, events chosen; the signing secret is
 * generated here, returned once and stored encrypted), enable, disable (what still waits is given
 * up), delete. Another organisation's endpoint, or an unknown or malformed id, is a 404. Every
 * change is audited with the endpoint's id and URL, never its secret.
 */
import { failed, succeeded, type Result } from '../../domain/result.ts';
import type { Actor } from '../../domain/users.ts';
import { checkEvents, ENDPOINTS_PER_ORGANISATION, type EndpointInput, type UrlPolicy, type WebhookEndpoint } from '../../domain/webhooks/endpoint.ts';
import { newWebhookSecret } from '../../domain/webhooks/signature.ts';
import type { DeliveryState } from '../../db/repositories/outbox-webhooks.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import { AuditAction, type AuditActionName } from '../audit/actions.ts';
import { auditRecorder } from '../audit/actor-entry.ts';
import type { ServiceContext } from '../context.ts';
import { isUuid } from '../dossiers/dossier-access.ts';
import { ForbiddenError, RecordNotFoundError } from '../errors.ts';
import { checkDestination, type Resolver } from './destination.ts';
import type { SecretBox } from './secret-box.ts';

export type EndpointWithDelivery = WebhookEndpoint & Readonly<{ lastDelivery: DeliveryState | null }>;

export type WebhookSettings = Readonly<{ secrets: SecretBox; policy: UrlPolicy; resolve: Resolver }>;

/** W5: only the partnerbeheerder, for its own organisation. */
function requirePartnerbeheerder(actor: Actor): void {
  if (actor.role !== 'partnerbeheerder') throw new ForbiddenError('webhooks beheren');
}

export function createWebhookEndpointsService(context: ServiceContext, settings: WebhookSettings) {
  const { db, repos, clock } = context;
  const record = auditRecorder(context);

  async function ownEndpoint(trx: Executor, actor: Actor, id: string): Promise<WebhookEndpoint> {
    requirePartnerbeheerder(actor);
    const endpoint = isUuid(id) ? await repos.webhooks.findOfOrganisationForUpdate(trx, actor.organisationId, id) : undefined;
    if (endpoint === undefined) throw new RecordNotFoundError();
    return endpoint;
  }

  const audit = (trx: Executor, actor: Actor, action: AuditActionName, endpoint: Pick<WebhookEndpoint, 'id' | 'url'>, extra: Record<string, unknown> = {}) =>
    record(trx, actor, action, { details: { subject: 'webhook', subjectId: endpoint.id, subjectOrganisationId: actor.organisationId, url: endpoint.url, ...extra } });

  /** The organisation's endpoints, oldest first, each with its latest delivery. */
  async function list(actor: Actor): Promise<EndpointWithDelivery[]> {
    requirePartnerbeheerder(actor);
    return db.transaction().execute(async (trx) => {
      const endpoints = await repos.webhooks.listForOrganisation(trx, actor.organisationId);
      const deliveries = await repos.outboxWebhooks.lastDeliveries(trx, endpoints.map((e) => e.id));
      return endpoints.map((e) => ({ ...e, lastDelivery: deliveries.get(e.id) ?? null }));
    });
  }

  /** Registers an endpoint; the secret is in the answer and nowhere else in clear. */
  async function create(actor: Actor, input: EndpointInput): Promise<Result<{ id: string; secret: string }>> {
    requirePartnerbeheerder(actor);
    const destination = await checkDestination(input.url, settings.policy, settings.resolve);
    const events = checkEvents(input.events);
    const problems = [...destination.problems, ...events.problems];
    if (problems.length > 0 || destination.url === null) return failed(problems);
    const url = destination.url.href;
    return db.transaction().execute(async (trx) => {
      if ((await repos.webhooks.countForOrganisation(trx, actor.organisationId)) >= ENDPOINTS_PER_ORGANISATION) {
        return failed([{ field: 'url', code: 'te-veel-eindpunten', params: { max: String(ENDPOINTS_PER_ORGANISATION) } }]);
      }
      const secret = newWebhookSecret();
      const id = await repos.webhooks.insert(trx, {
        organisationId: actor.organisationId, url, events: events.events, secretCiphertext: settings.secrets.seal(secret), createdByLabel: actor.displayName,
      }, clock.now());
      await audit(trx, actor, AuditAction.webhookCreated, { id, url }, { events: events.events });
      return succeeded({ id, secret });
    });
  }

  /** Enables or disables; disabling gives up what still waits for the endpoint. */
  async function setEnabled(actor: Actor, id: string, enabled: boolean): Promise<WebhookEndpoint> {
    return db.transaction().execute(async (trx) => {
      const endpoint = await ownEndpoint(trx, actor, id);
      if (endpoint.enabled === enabled) return endpoint;
      await repos.webhooks.setEnabled(trx, endpoint.id, enabled, clock.now());
      const givenUp = enabled ? 0 : await repos.outboxWebhooks.giveUpPending(trx, endpoint.id, 'eindpunt uitgeschakeld', clock.now());
      await audit(trx, actor, enabled ? AuditAction.webhookEnabled : AuditAction.webhookDisabled, endpoint, enabled ? {} : { givenUp });
      return { ...endpoint, enabled };
    });
  }

  /** Deletes the endpoint; its past deliveries stay in the outbox without it, what waits is given up. */
  async function remove(actor: Actor, id: string): Promise<WebhookEndpoint> {
    return db.transaction().execute(async (trx) => {
      const endpoint = await ownEndpoint(trx, actor, id);
      const givenUp = await repos.outboxWebhooks.giveUpPending(trx, endpoint.id, 'eindpunt verwijderd', clock.now());
      await repos.webhooks.remove(trx, endpoint.id);
      await audit(trx, actor, AuditAction.webhookDeleted, endpoint, { givenUp });
      return endpoint;
    });
  }

  /** One endpoint of the own organisation (for the confirmation of a deletion). */
  async function find(actor: Actor, id: string): Promise<WebhookEndpoint> {
    return db.transaction().execute((trx) => ownEndpoint(trx, actor, id));
  }

  return { list, create, setEnabled, remove, find };
}

export type WebhookEndpointsService = ReturnType<typeof createWebhookEndpointsService>;
