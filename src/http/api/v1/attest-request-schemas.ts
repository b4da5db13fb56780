/**
 * The contract of the attest requests in the partner API v1 (A2, A4): the multipart bodies of a
 * new request and of an extension, each with the scan of the signed attest, and the request as its
 * organisation follows it (state as a stable code with its Dutch label).
 */
import { Type } from 'typebox';
import { REGIMES } from '../../../domain/attests/attest-request.ts';
import { FilePart } from './document-schemas.ts';
import { Coded, IsoDate, IsoMoment, Nullable, Uuid } from './schemas.ts';

const RegimeCode = Type.Enum(REGIMES, { description: `Regime: ${REGIMES.join(', ')}` });
const StateCode = Type.Enum(['ingediend', 'goedgekeurd', 'afgewezen'], { description: 'Toestand: ingediend, goedgekeurd, afgewezen' });
const KindCode = Type.Enum(['nieuw', 'verlenging'], { description: 'nieuw (toegang) of verlenging' });
const SCAN = FilePart('De scan van het attest dat de klant ondertekende: PDF, JPG of PNG, hoogstens 20 MB');
const FormDate = (description: string) => Type.String({ format: 'date', description: `${description}, ISO 8601 (jjjj-mm-dd)` });

export const AttestRequestBody = Type.Object(
  {
    id: Uuid,
    soort: Coded(KindCode),
    toestand: Coded(StateCode),
    insz: Type.String({ description: 'Rijksregisternummer, 11 cijfers' }),
    familienaam: Type.String(),
    voornaam: Type.String(),
    geboortedatum: IsoDate,
    regime: Coded(RegimeCode),
    startdatum: IsoDate,
    einddatum: IsoDate,
    vorigeEinddatum: Nullable(IsoDate),
    klantId: Nullable(Uuid),
    attestId: Nullable(Uuid),
    redenAfwijzing: Nullable(Type.String()),
    origineelOntvangen: Type.Boolean({ description: 'Het secretariaat ontving het ondertekende origineel' }),
    scan: Type.Object({ bestandsnaam: Type.String(), mediatype: Type.String(), grootte: Type.Integer(), sha256: Type.String() }),
    ingediendOp: IsoMoment,
    ingediendDoor: Type.String(),
    beslistOp: Nullable(IsoMoment),
    versie: Type.Integer(),
  },
  { $id: 'Attestaanvraag', description: '`klantId` en `attestId` zijn ingevuld zodra een nieuwe aanvraag goedgekeurd is' },
);

/** A2: "Toegang aanvragen" as multipart/form-data; the scan last. */
export const NewAttestRequestForm = Type.Object(
  {
    insz: Type.String({ description: 'INSZ-nummer van de klant, 11 cijfers (punten en streepjes mogen)' }),
    familienaam: Type.String({ maxLength: 100 }),
    voornaam: Type.String({ maxLength: 100 }),
    geboortedatum: FormDate('Geboortedatum'),
    regime: RegimeCode,
    startdatum: FormDate('Startdatum van het attest'),
    einddatum: FormDate('Einddatum van het attest, hoogstens 24 maanden na de start'),
    scan: SCAN,
  },
  { required: ['insz', 'familienaam', 'voornaam', 'geboortedatum', 'regime', 'startdatum', 'einddatum', 'scan'] },
);

/** A4: "Verlenging aanvragen" as multipart/form-data; the scan last. */
export const ExtensionForm = Type.Object(
  { einddatum: FormDate('De nieuwe einddatum, na de huidige'), scan: SCAN },
  { required: ['einddatum', 'scan'] },
);

export const AttestRequestParams = Type.Object({ aanvraagId: Type.String() });

export const ATTEST_REQUEST_SCHEMAS = [AttestRequestBody];
