/**
 * The contract of the documents of a dossier in the partner API v1 (D1–D6): the list, the
 * multipart body of an upload and the download's media types. Kinds are stable codes with the
 * Dutch label beside them.
 */
import { Type } from 'typebox';
import { DOCUMENT_KINDS } from '../../../domain/documents/document.ts';
import { FILE_FORMATS, FORMAT_INFO } from '../../../domain/documents/file-formats.ts';
import { Coded, IsoDate, IsoMoment, Nullable, Uuid } from './schemas.ts';

const KindCode = Type.Enum(DOCUMENT_KINDS, { description: `Soort: ${DOCUMENT_KINDS.join(', ')}` });

export const DocumentBody = Type.Object(
  {
    id: Uuid,
    klantId: Uuid,
    publicatienaam: Type.String(),
    soort: Coded(KindCode),
    organisatie: Type.String({ description: 'De organisatie die het document toevoegde' }),
    stapId: Nullable(Uuid),
    bestandsnaam: Type.String({ description: 'De naam van het bestand zoals opgeladen, veilig gemaakt' }),
    mediatype: Type.String({ description: 'Het type van de inhoud die gevonden werd, niet het opgegeven type' }),
    grootte: Type.Integer({ description: 'In bytes' }),
    sha256: Type.String({ description: 'SHA-256 van de inhoud, hexadecimaal' }),
    toegevoegdOp: IsoMoment,
    datumToevoegen: IsoDate,
    toegevoegdDoor: Type.String(),
    inhoud: Type.String({ description: 'Het pad van de download (GET)' }),
  },
  { $id: 'Document' },
);

export const DocumentList = Type.Object({ documenten: Type.Array(Type.Ref('Document')) }, { $id: 'Documenten' });

export const DocumentListQuery = Type.Object({ soort: Type.Optional(KindCode) });

export const DocumentParams = Type.Object({ klantId: Type.String(), documentId: Type.String() });

/** The file part: in the contract a binary string. */
export const FilePart = (description: string) => Type.String({ format: 'binary', description });

/** D2: what "Document toevoegen" asks, as multipart/form-data; the file last, so that the fields are read first. */
export const NewDocumentForm = Type.Object(
  {
    publicatienaam: Type.String({ maxLength: 200, description: 'Publicatienaam, 1 tot 200 tekens' }),
    soort: KindCode,
    stapId: Type.Optional(Type.String({ format: 'uuid', description: 'De stap waarbij het document hoort (optioneel)' })),
    document: FilePart(`Het bestand: ${FILE_FORMATS.map((f) => FORMAT_INFO[f].label).join(', ')}; hoogstens 20 MB`),
  },
  { required: ['publicatienaam', 'soort', 'document'] },
);

/** D6: the download's body is the stored bytes, with the media type of the format found. */
export const DOWNLOAD_CONTENT = Object.fromEntries(
  [...new Set(FILE_FORMATS.map((f) => FORMAT_INFO[f].mediaType))].map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
);

export const DOCUMENT_SCHEMAS = [DocumentBody, DocumentList];
