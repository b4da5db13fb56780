/**
 * A form that changes one versioned part of the dossier (contact data, the registration,
 * availability, the driving licences): GET shows it with the stored data; POST parses it and
 * saves it at the version it was read with. Post/redirect/get with "Opgeslagen" (or "Niets
 * gewijzigd"); a refusal shows the form again: 400 with the input as typed, or 409 on an
 * outdated version (O12) with the input kept on the current version.
 */
import type { FastifyInstance } from 'fastify';
import type { Result } from '../../../domain/result.ts';
import type { Actor } from '../../../domain/users.ts';
import { messages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, type FieldErrors, type FormResult } from '../form.ts';
import type { PageView } from '../layout-presenter.ts';
import { refusedPost } from './refused-post.ts';
import { readVersion } from './version.ts';

export type VersionedForm<Stored, Input extends { versie: string }, Value> = Readonly<{
  template: string;
  /** What the form shows: the dossier, the stored data and its version. */
  load(actor: Actor, clientId: string): Promise<Stored>;
  /** The stored data as the form shows them, with their version (`versie`). */
  inputOf(stored: Stored): Input;
  read(body: unknown): Input;
  parse(input: Input): FormResult<Value>;
  save(actor: Actor, clientId: string, version: number, value: Value): Promise<Result<{ changed: number }>>;
  present(stored: Stored, input: Input, errors?: FieldErrors): PageView;
  /** Where a saved form leads. */
  savedPath(clientId: string): string;
}>;

type Route = { Params: { clientId: string } };

/** GET and POST of `path` (inside the dossier scope) for one versioned form. */
export function versionedFormRoutes<Stored, Input extends { versie: string }, Value>(app: FastifyInstance, path: string, form: VersionedForm<Stored, Input, Value>): void {
  app.get<Route>(path, async (request, reply) => {
    const stored = await form.load(actorOf(request), request.params.clientId);
    return reply.render(form.template, form.present(stored, form.inputOf(stored)));
  });

  app.post<Route>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId } = request.params;
    const input = form.read(request.body);
    const parsed = form.parse(input);
    const result = parsed.ok ? await form.save(actor, clientId, readVersion(asRawForm(request.body)), parsed.value) : parsed;
    if (!result.ok) {
      const stored = await form.load(actor, clientId);
      const { kept, errors, status } = refusedPost(input, result, Number(form.inputOf(stored).versie));
      return reply.render(form.template, form.present(stored, kept, errors), status);
    }
    request.flash('success', result.value.changed === 0 ? messages.upkeep.nothingChanged : messages.upkeep.saved);
    return reply.redirect(form.savedPath(clientId), 303);
  });
}
