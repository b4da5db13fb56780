/** View data of the organisation pages (issue 12): the list, the detail and the form. */
import { formatDate, type CalendarDate } from '../../../../domain/calendar-date.ts';
import type { AuditRecord } from '../../../../domain/audit.ts';
import { formatEnterpriseNumber } from '../../../../domain/enterprise-number.ts';
import { isFundingNumberValidOn, officeLabel, type FundingNumberRecord, type OfficeRecord, type OrganisationRecord } from '../../../../domain/organisations.ts';
import type { StepType } from '../../../../domain/steps/step.ts';
import type { FieldErrors } from '../../form.ts';
import { errorFor } from '../../form.ts';
import { ORGANISATIONS_PATH, organisationPaths } from '../admin-paths.ts';
import { presentAdminHistory } from '../shared/admin-history.ts';
import { textInput } from '../shared/admin-fields.ts';
import type { OrganisationFormInput } from './organisation-form.ts';

const KIND_LABELS: Readonly<Record<string, string>> = { partner: 'Partner', dienst: 'Dienst' };
const kbo = (value: string | null): string => (value === null ? 'Niet ingevuld' : formatEnterpriseNumber(value));

export function presentOrganisationList(model: {
  query: string;
  page: number;
  pageSize: number;
  total: number;
  organisations: readonly (OrganisationRecord & { officeCount: number })[];
}) {
  const pages = Math.max(1, Math.ceil(model.total / model.pageSize));
  const link = (page: number): string => `${ORGANISATIONS_PATH}?${new URLSearchParams({ ...(model.query === '' ? {} : { zoek: model.query }), pagina: String(page) }).toString()}`;
  return {
    title: 'Organisaties',
    action: ORGANISATIONS_PATH,
    newHref: `${ORGANISATIONS_PATH}/nieuw`,
    query: model.query,
    total: model.total,
    rows: model.organisations.map((o) => ({ href: organisationPaths(o.id).detail, name: o.name, kind: KIND_LABELS[o.kind] ?? o.kind, kbo: kbo(o.enterpriseNumber), offices: String(o.officeCount) })),
    pageText: `Pagina ${String(Math.min(model.page, pages))} van ${String(pages)}`,
    previous: model.page > 1 ? { href: link(model.page - 1), text: 'Vorige', labelText: `pagina ${String(model.page - 1)}` } : null,
    next: model.page < pages ? { href: link(model.page + 1), text: 'Volgende', labelText: `pagina ${String(model.page + 1)}` } : null,
  };
}

export type OrganisationListView = ReturnType<typeof presentOrganisationList>;

export function presentOrganisationDetail(model: {
  organisation: OrganisationRecord;
  offices: readonly OfficeRecord[];
  fundingNumbers: readonly FundingNumberRecord[];
  stepTypes: readonly (StepType & { allowed: boolean })[];
  history: readonly AuditRecord[];
  mayChange: boolean;
  today: CalendarDate;
}) {
  const paths = organisationPaths(model.organisation.id);
  const address = (o: OfficeRecord): string => (o.street === null ? 'Niet ingevuld' : `${o.street}, ${o.postcode ?? ''} ${o.city ?? ''}`);
  return {
    title: model.organisation.name,
    mayChange: model.mayChange,
    listHref: ORGANISATIONS_PATH,
    paths,
    summary: [
      { key: { text: 'Soort' }, value: { text: KIND_LABELS[model.organisation.kind] ?? model.organisation.kind } },
      { key: { text: 'Naam' }, value: { text: model.organisation.name } },
      { key: { text: 'Ondernemingsnummer' }, value: { text: kbo(model.organisation.enterpriseNumber) } },
    ],
    offices: model.offices.map((o) => ({ label: officeLabel(o), code: o.code, address: address(o), href: paths.office(o.id) })),
    fundingNumbers: model.fundingNumbers.map((f) => ({
      code: f.code,
      description: f.description,
      from: formatDate(f.validFrom),
      until: f.validUntil === null ? 'Geen einddatum' : formatDate(f.validUntil),
      status: isFundingNumberValidOn(f, model.today) ? 'Geldig' : 'Niet geldig vandaag',
      href: paths.fundingNumber(f.id),
    })),
    allowedStepTypes: model.stepTypes.filter((t) => t.allowed).map((t) => t.label),
    history: presentAdminHistory(model.history),
  };
}

export type OrganisationDetailView = ReturnType<typeof presentOrganisationDetail>;

export function presentOrganisationForm(model: { organisationId: string | null; input: OrganisationFormInput; errors: FieldErrors }) {
  const { input, errors } = model;
  return {
    title: model.organisationId === null ? 'Organisatie toevoegen' : 'Organisatie wijzigen',
    errors,
    action: model.organisationId === null ? `${ORGANISATIONS_PATH}/nieuw` : organisationPaths(model.organisationId).edit,
    cancelHref: model.organisationId === null ? ORGANISATIONS_PATH : organisationPaths(model.organisationId).detail,
    versie: input.versie,
    soort: {
      errorMessage: errorFor(errors, 'soort'),
      items: [
        { value: 'partner', text: 'Partner (outplacementbureau)', checked: input.soort === 'partner' },
        { value: 'dienst', text: 'Dienst', checked: input.soort === 'dienst' },
      ],
    },
    naam: textInput(input.naam, errors, 'naam'),
    kbo: textInput(input.kbo, errors, 'kbo'),
  };
}

export type OrganisationFormView = ReturnType<typeof presentOrganisationForm>;

/** O13: the checkboxes of "Toegelaten staptypes". */
export type AllowedInput = Readonly<{ staptypes: readonly string[]; versie: string }>;

export function presentAllowedStepTypes(model: { organisation: OrganisationRecord; stepTypes: readonly StepType[]; input: AllowedInput; errors: FieldErrors }) {
  const paths = organisationPaths(model.organisation.id);
  return {
    title: 'Toegelaten staptypes',
    errors: model.errors,
    organisationName: model.organisation.name,
    action: paths.stepTypes,
    cancelHref: paths.detail,
    versie: model.input.versie,
    errorMessage: errorFor(model.errors, 'staptypes'),
    items: model.stepTypes.map((t) => ({ value: t.code, text: t.label, checked: model.input.staptypes.includes(t.code) })),
  };
}

export type AllowedStepTypesView = ReturnType<typeof presentAllowedStepTypes>;
