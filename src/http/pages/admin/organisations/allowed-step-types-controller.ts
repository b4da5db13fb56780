/**
 * "Toegelaten staptypes" (issue 12, O13): which step types an organisation may register, chosen
 * by the beheerder with checkboxes. Lines already registered stay as they are.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OrganisationRecord } from '../../../../domain/organisations.ts';
import type { StepType } from '../../../../domain/steps/step.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import { asRawForm, listField, textField, type FieldErrors } from '../../form.ts';
import { refusedPost } from '../../shared/refused-post.ts';
import { parseVersion } from '../../shared/version.ts';
import { ORGANISATIONS_PATH, organisationPaths } from '../admin-paths.ts';
import { presentAllowedStepTypes, type AllowedInput } from './organisations-presenter.ts';

type OrganisationRoute = { Params: { organisationId: string } };

export function allowedStepTypesRoutes(app: FastifyInstance): void {
  const { organisations } = app.services.admin;
  const path = `${ORGANISATIONS_PATH}/:organisationId/staptypes`;

  async function show(reply: FastifyReply, model: { organisation: OrganisationRecord; stepTypes: readonly StepType[] }, input: AllowedInput, errors: FieldErrors = [], status = 200) {
    return reply.render('pages/admin/organisations/allowed-step-types.njk', presentAllowedStepTypes({ ...model, input, errors }), status);
  }

  app.get<OrganisationRoute>(path, async (request, reply) => {
    const form = await organisations.stepTypesForm(actorOf(request), request.params.organisationId);
    return show(reply, form, { staptypes: form.stepTypes.filter((t) => t.allowed).map((t) => t.code), versie: String(form.organisation.version) });
  });

  app.post<OrganisationRoute>(path, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { organisationId } = request.params;
    const raw = asRawForm(request.body);
    const input = { staptypes: listField(raw, 'staptypes'), versie: textField(raw, 'versie') };
    const result = await organisations.setStepTypes(actor, organisationId, parseVersion(input.versie), input.staptypes);
    if (!result.ok) {
      const form = await organisations.stepTypesForm(actor, organisationId);
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, form.organisation.version, problemMessages.admin);
      return show(reply, form, kept, errors, status);
    }
    request.flash('success', result.value.changed === 0 ? messages.admin.nothingChanged : messages.admin.saved);
    return reply.redirect(organisationPaths(organisationId).detail, 303);
  });
}
