/** Steps towards work: the catalogue, the lines and the stop requests (O1–O13; migration 0002). */
import type { Generated } from 'kysely';
import type { CreatedAt, DateColumn, Seq, Timestamp, UpdatedAt } from './columns.ts';

export interface StepTypesTable {
  code: string;
  label: string;
  kind: 'outplacement' | 'plain';
  sortOrder: number;
  /** O12 for the catalogue's label and order (migration 0009). */
  version: Generated<number>;
}

export interface OrganisationStepTypesTable {
  organisationId: string;
  stepTypeCode: string;
}

export interface StepsTable {
  id: Generated<string>;
  clientId: string;
  organisationId: string;
  stepTypeCode: string;
  state: 'bezig' | 'geannuleerd' | 'stopgezet' | 'uitgevoerd';
  date: DateColumn;
  startDate: DateColumn;
  endDate: DateColumn | null;
  attestId: string | null;
  fundingNumberId: string | null;
  requesterOfficeId: string;
  executorOfficeId: string;
  summary: Generated<string>;
  endedOn: DateColumn | null;
  /** O8: the day the sweep stops the Bezig line (migration 0012). */
  plannedStopDate: DateColumn | null;
  summaryClosed: Generated<boolean>;
  version: Generated<number>;
  createdBy: string | null;
  createdAt: CreatedAt;
  updatedByLabel: string;
  updatedAt: UpdatedAt;
  seq: Seq;
}

export interface StopRequestsTable {
  id: Generated<string>;
  stepId: string;
  organisationId: string;
  requestedBy: string;
  requestedByLabel: string;
  requestedAt: CreatedAt;
  reason: string;
  proposedDate: DateColumn;
  state: 'open' | 'aanvaard' | 'afgewezen' | 'vervallen';
  handledByLabel: string | null;
  handledAt: Timestamp | null;
  decisionReason: string | null;
  seq: Seq;
}
