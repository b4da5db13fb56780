/**
 * The contract of the partner API v1 (issue 17), in TypeBox: params, query, bodies and every
 * response. The OpenAPI document (/api/openapi.json, docs/openapi.json) is generated from these.
 * Dates are ISO 8601 (`2026-11-29`, moments with their offset); states are stable codes with the
 * Dutch label beside them.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { STEP_STATES } from '../../../domain/steps/step.ts';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const IsoDate = Type.String({ format: 'date', description: 'Kalenderdag, ISO 8601 (jjjj-mm-dd), in Brussel' });
export const IsoMoment = Type.String({ format: 'date-time', description: 'Tijdstip, ISO 8601' });
export const Uuid = Type.String({ format: 'uuid' });

export const FieldError = Type.Object({
  veld: Type.String({ description: 'De eigenschap van de invoer (of de kop, de parameter) waarover het gaat' }),
  melding: Type.String({ description: 'Dezelfde Nederlandse melding als in het scherm' }),
}, { $id: 'Veldfout' });

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'Vaste URI per soort fout' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'De verwijzing van het verzoek (request id)' })),
    fouten: Type.Optional(Type.Array(Type.Ref('Veldfout'))),
    huidig: Type.Optional(Type.Ref('Stap', { description: 'Bij 412: de huidige toestand van de stap' })),
    reden: Type.Optional(Type.String({ description: 'Bij een geweigerd bestand: de vaste code van de weigering, zoals type-niet-toegelaten of macro' })),
  },
  { $id: 'Probleem', description: 'RFC 9457 problem details' },
);

export const StepStateCode = Type.Union([Type.Literal('bezig'), Type.Literal('geannuleerd'), Type.Literal('stopgezet'), Type.Literal('uitgevoerd')], { description: `Toestand: ${STEP_STATES.join(', ')}` });
export const Coded = (code: TSchema) => Type.Object({ code, label: Type.String() });
const OfficeRef = Type.Object({ id: Uuid, label: Type.String({ description: 'NAAM (code)' }) });

export const Step = Type.Object(
  {
    id: Uuid,
    klantId: Uuid,
    organisatie: Type.String(),
    stapType: Coded(Type.String()),
    toestand: Coded(StepStateCode),
    datum: IsoDate,
    startdatum: IsoDate,
    einddatum: Nullable(IsoDate),
    financieringsnummer: Nullable(Type.Object({ id: Uuid, code: Type.String() })),
    aanvrager: OfficeRef,
    uitvoerder: OfficeRef,
    samenvatting: Type.String(),
    beeindigdOp: Nullable(IsoDate),
    geplandeStopzetting: Nullable(IsoDate),
    automatischUitgevoerdOp: Nullable(IsoDate),
    samenvattingAanvullenTot: Nullable(IsoDate),
    versie: Type.Integer({ description: 'Ook de ETag van de stap' }),
    gewijzigdOp: IsoMoment,
    gewijzigdDoor: Type.String(),
  },
  { $id: 'Stap' },
);
export type StepBody = Static<typeof Step>;

export const StepLine = Type.Object(
  { id: Uuid, organisatie: Type.String(), stapType: Coded(Type.String()), toestand: Coded(StepStateCode), datum: IsoDate, geplandeStopzetting: Nullable(IsoDate) },
  { $id: 'Staplijn' },
);
export const StepList = Type.Object({ stappen: Type.Array(Type.Ref('Staplijn')) }, { $id: 'Stappen' });

const ClientCore = {
  id: Uuid,
  insz: Type.String({ description: 'Rijksregisternummer, 11 cijfers' }),
  familienaam: Type.String(),
  voornaam: Type.String(),
  geboortedatum: IsoDate,
};
const RunningLine = Nullable(Type.Object({ stapId: Uuid, datum: IsoDate, einddatum: Nullable(IsoDate) }));

export const CaseloadEntry = Type.Object(
  {
    ...ClientCore,
    attestStart: IsoDate,
    attestEinde: IsoDate,
    lopendeOutplacement: RunningLine,
    laatsteWijziging: Nullable(IsoMoment),
  },
  { $id: 'KlantInCaseload' },
);
export const Caseload = Type.Object(
  { klanten: Type.Array(Type.Ref('KlantInCaseload')), volgende: Nullable(Type.String({ description: 'Cursor van de volgende pagina (parameter `na`)' })) },
  { $id: 'Caseload' },
);
export const CaseloadQuery = Type.Object({
  na: Type.Optional(Type.String({ description: 'Cursor: `volgende` van de vorige pagina' })),
  aantal: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  gewijzigdSinds: Type.Optional(IsoMoment),
});

const AttestSummary = Type.Object({
  id: Uuid,
  regime: Coded(Type.String()),
  toestand: Coded(Type.String()),
  startdatum: IsoDate,
  einddatum: IsoDate,
  goedgekeurdOp: Nullable(IsoDate),
  toegangTot: IsoDate,
});
export const Dossier = Type.Object(
  {
    ...ClientCore,
    email: Nullable(Type.String()),
    telefoon: Nullable(Type.String()),
    attesten: Type.Array(AttestSummary),
  },
  { $id: 'Dossier' },
);

export const LogEvent = Type.Object(
  {
    id: Type.Integer(),
    tijdstip: IsoMoment,
    actie: Type.String({ description: 'Vaste code, zoals stap.gewijzigd' }),
    door: Type.String(),
    kanaal: Nullable(Type.String({ description: 'De naam van de API-sleutel, bij een wijziging via de API' })),
    stapId: Nullable(Uuid),
    veld: Nullable(Type.String()),
    oud: Nullable(Type.String()),
    nieuw: Nullable(Type.String()),
  },
  { $id: 'Logregel' },
);
export const Log = Type.Object({ gebeurtenissen: Type.Array(Type.Ref('Logregel')) }, { $id: 'Logboek' });

export const ClientParams = Type.Object({ klantId: Type.String() });
export const StepParams = Type.Object({ klantId: Type.String(), stapId: Type.String() });

export const NewStep = Type.Object(
  {
    stapType: Type.String({ default: 'outplacement', description: 'Code van het staptype; Outplacement is `outplacement`' }),
    datum: IsoDate,
    financieringsnummerId: Type.Optional(Nullable(Uuid)),
    aanvragerId: Uuid,
    uitvoerderId: Uuid,
    samenvatting: Type.Optional(Type.String({ maxLength: 4000 })),
  },
);
export type NewStepBody = Static<typeof NewStep>;

export const StepChange = Type.Object(
  {
    toestand: Type.Optional(StepStateCode),
    datum: Type.Optional(IsoDate),
    financieringsnummerId: Type.Optional(Nullable(Uuid)),
    uitvoerderId: Type.Optional(Uuid),
    samenvatting: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { description: 'Enkel de velden die wijzigen. Annuleren: toestand `geannuleerd` met de datum van annulering.' },
);
export type StepChangeBody = Static<typeof StepChange>;

export const StopRequest = Type.Object({ reden: Type.String(), voorgesteldeDatum: IsoDate });
export const StopRequestCreated = Type.Object({ verzoekId: Uuid, stap: Type.Ref('Stap') }, { $id: 'StopverzoekAangemaakt' });
export const SummaryAddition = Type.Object({ tekst: Type.String() });

export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String({ description: 'De ETag (versie) waarop de wijziging steunt; verplicht' })) });
export const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ maxLength: 200, description: 'Zelfde sleutel en inhoud binnen 24 uur: hetzelfde antwoord' })) });

export const OfficeQuery = Type.Object({
  zoek: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'Deel van de naam of de code: zoekt in de vestigingen van alle organisaties (zoals "Andere vestiging zoeken")' })),
});
export const Office = Type.Object(
  { id: Uuid, naam: Type.String(), code: Type.String(), organisatie: Type.String(), label: Type.String({ description: 'NAAM (code)' }) },
  { $id: 'Vestiging' },
);
export const OfficeList = Type.Object({ vestigingen: Type.Array(Type.Ref('Vestiging')) }, { $id: 'Vestigingen' });

/** The named schemas, added to the app once; routes refer to them with `ref` (OpenAPI components). */
export const SHARED_SCHEMAS = [FieldError, Step, Problem, StepLine, StepList, CaseloadEntry, Caseload, Dossier, LogEvent, Log, StopRequestCreated, Office, OfficeList];

type Named = 'Stap' | 'Stappen' | 'Caseload' | 'Dossier' | 'Logboek' | 'StopverzoekAangemaakt' | 'Probleem' | 'Vestigingen';
/** A reference to one of the named schemas. */
export const ref = (name: Named) => Type.Ref(name);
