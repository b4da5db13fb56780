/** The step-type catalogue (issue 12, O13): label and order, beheerder only; codes are fixed. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../../domain/users.ts';
import { messages, problemMessages } from '../../../messages/index.ts';
import { actorOf } from '../../../plugins/app/auth.ts';
import { asRawForm, textField, type FieldErrors } from '../../form.ts';
import { refusedPost } from '../../shared/refused-post.ts';
import { parseVersion } from '../../shared/version.ts';
import { STEP_TYPES_PATH } from '../admin-paths.ts';
import { presentStepTypeForm, presentStepTypeList, stepTypeFormOf, type StepTypeFormInput } from './step-types-presenter.ts';

type StepTypeRoute = { Params: { code: string } };

export function stepTypesRoutes(app: FastifyInstance): void {
  const { stepTypes } = app.services.admin;

  async function show(reply: FastifyReply, actor: Actor, code: string, input: StepTypeFormInput | null, errors: FieldErrors = [], status = 200) {
    const form = await stepTypes.form(actor, code);
    return reply.render('pages/admin/step-types/step-type.njk', presentStepTypeForm({ ...form, input: input ?? stepTypeFormOf(form.stepType), errors }), status);
  }

  app.get(STEP_TYPES_PATH, async (request, reply) => reply.render('pages/admin/step-types/list.njk', presentStepTypeList(await stepTypes.list(actorOf(request)))));

  app.get<StepTypeRoute>(`${STEP_TYPES_PATH}/:code`, async (request, reply) => show(reply, actorOf(request), request.params.code, null));

  app.post<StepTypeRoute>(`${STEP_TYPES_PATH}/:code`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { code } = request.params;
    const form = asRawForm(request.body);
    const input = { label: textField(form, 'label'), volgorde: textField(form, 'volgorde'), versie: textField(form, 'versie') };
    const order = /^\d{1,3}$/.test(input.volgorde) ? Number(input.volgorde) : null;
    const result = await stepTypes.update(actor, code, parseVersion(input.versie), { label: input.label, order });
    if (!result.ok) {
      const current = await stepTypes.form(actor, code);
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, current.stepType.version, problemMessages.admin);
      return show(reply, actor, code, kept, errors, status);
    }
    request.flash('success', result.value.changed === 0 ? messages.admin.nothingChanged : messages.admin.saved);
    return reply.redirect(STEP_TYPES_PATH, 303);
  });
}
