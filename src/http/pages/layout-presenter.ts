import { isPartner, isServiceStaff } from '../../domain/roles.ts';
import type { Actor } from '../../domain/users.ts';
import { messages } from '../messages/index.ts';
import type { FieldErrors } from './form.ts';

/**
 * What every page gives the layout: its title and, after invalid input, its field errors. Each
 * presenter returns its own view type, which extends this one (`XView = PageView & {...}`).
 */
export type PageView = Readonly<{
  title: string;
  /** Field errors in the order of the form; shown in the error summary, linked to the fields. */
  errors?: FieldErrors;
}>;

export type LayoutView = Readonly<{
  serviceName: string;
  documentTitle: string;
  csrfToken: string;
  user: { name: string; organisation: string; office: string | null } | null;
  navigation: { text: string; href: string; active: boolean }[];
  errorSummary: { titleText: string; errorList: { text: string; href: string }[] } | null;
  flash: { type: 'success' | undefined; text: string; link: { href: string; text: string } | null } | null;
}>;

/** The main navigation of the role: partners their clients, service staff the search and work lists. */
function navigationFor(actor: Actor | null, path: string): LayoutView['navigation'] {
  if (actor === null) return [];
  const items: { text: string; href: string }[] = [];
  if (isPartner(actor.role)) items.push({ text: 'Mijn klanten', href: '/klanten' });
  if (isPartner(actor.role)) items.push({ text: 'Toegang aanvragen', href: '/toegang-aanvragen' }, { text: 'Mijn aanvragen', href: '/aanvragen' });
  if (isServiceStaff(actor.role)) items.push({ text: 'Klant zoeken', href: '/zoeken' });
  if (actor.role === 'secretariaat' || actor.role === 'interventieadviseur') items.push({ text: 'Te behandelen attesten', href: '/attesten' });
  if (actor.role === 'interventieadviseur') items.push({ text: 'Te behandelen verzoeken', href: '/verzoeken' });
  if (actor.role === 'beheerder' || actor.role === 'partnerbeheerder') items.push({ text: 'Beheer', href: '/beheer' });
  return items.map((item) => ({
    ...item,
    active: path === item.href || (item.href === '/klanten' && path.startsWith('/dossiers/')) || (item.href === '/beheer' && path.startsWith('/beheer/')),
  }));
}

export function presentLayout(input: {
  path: string;
  actor: Actor | null;
  csrfToken: string;
  flash: { kind: 'success' | 'info'; text: string; link?: { href: string; text: string } } | undefined;
  page: PageView;
}): LayoutView {
  const errors = input.page.errors ?? [];
  return {
    serviceName: messages.common.serviceName,
    documentTitle: `${errors.length > 0 ? messages.common.errorTitlePrefix : ''}${input.page.title} - ${messages.common.serviceName}`,
    csrfToken: input.csrfToken,
    navigation: navigationFor(input.actor, input.path),
    user:
      input.actor === null
        ? null
        : { name: input.actor.displayName, organisation: input.actor.organisationName, office: input.actor.officeLabel },
    errorSummary:
      errors.length === 0
        ? null
        : { titleText: messages.common.errorSummaryTitle, errorList: errors.map((e) => ({ text: e.message, href: e.href ?? `#${e.field}` })) },
    flash:
      input.flash === undefined
        ? null
        : { type: input.flash.kind === 'success' ? 'success' : undefined, text: input.flash.text, link: input.flash.link ?? null },
  };
}
