import type { Actor } from '../../domain/users.ts';
import { messages } from '../messages.ts';
import type { FieldErrors } from './form.ts';

/** What every page gives the layout: its title and, after invalid input, its field errors. */
export type PageView = Readonly<{
  title: string;
  /** Field errors in the order of the form; shown in the error summary, linked to the fields. */
  errors?: FieldErrors;
}> &
  Readonly<Record<string, unknown>>;

export type LayoutView = Readonly<{
  serviceName: string;
  documentTitle: string;
  csrfToken: string;
  user: { name: string; organisation: string; office: string | null } | null;
  errorSummary: { titleText: string; errorList: { text: string; href: string }[] } | null;
  flash: { type: 'success' | undefined; text: string } | null;
}>;

export function presentLayout(input: {
  actor: Actor | null;
  csrfToken: string;
  flash: { kind: 'success' | 'info'; text: string } | undefined;
  page: PageView;
}): LayoutView {
  const errors = input.page.errors ?? [];
  return {
    serviceName: messages.common.serviceName,
    documentTitle: `${errors.length > 0 ? messages.common.errorTitlePrefix : ''}${input.page.title} - ${messages.common.serviceName}`,
    csrfToken: input.csrfToken,
    user:
      input.actor === null
        ? null
        : { name: input.actor.displayName, organisation: input.actor.organisationName, office: input.actor.officeLabel },
    errorSummary:
      errors.length === 0
        ? null
        : { titleText: messages.common.errorSummaryTitle, errorList: errors.map((e) => ({ text: e.message, href: e.href ?? `#${e.field}` })) },
    flash: input.flash === undefined ? null : { type: input.flash.kind === 'success' ? 'success' : undefined, text: input.flash.text },
  };
}
