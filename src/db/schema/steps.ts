/** Steps towards work: the catalogue, the lines and the stop requests (O1–O13; migration 0002). */
import type { Generated } from 'kysely';
import type { CreatedAt, DateColumn, Seq, Timestamp, UpdatedAt } from './columns.ts';

export interface StepTypesTable {
  code: string;
  label: string;
  kind: 'outplacement' | 'plain';
  sort_order: number;
}

export interface OrganisationStepTypesTable {
  organisation_id: string;
  step_type_code: string;
}

export interface StepsTable {
  id: Generated<string>;
  client_id: string;
  organisation_id: string;
  step_type_code: string;
  state: 'bezig' | 'geannuleerd' | 'stopgezet' | 'uitgevoerd';
  date: DateColumn;
  start_date: DateColumn;
  end_date: DateColumn | null;
  attest_id: string | null;
  funding_number_id: string | null;
  requester_office_id: string;
  executor_office_id: string;
  summary: Generated<string>;
  ended_on: DateColumn | null;
  summary_closed: Generated<boolean>;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_by_label: string;
  updated_at: UpdatedAt;
  seq: Seq;
}

export interface StopRequestsTable {
  id: Generated<string>;
  step_id: string;
  organisation_id: string;
  requested_by: string;
  requested_by_label: string;
  requested_at: CreatedAt;
  reason: string;
  proposed_date: DateColumn;
  state: 'open' | 'aanvaard' | 'afgewezen' | 'vervallen';
  handled_by_label: string | null;
  handled_at: Timestamp | null;
  decision_reason: string | null;
  seq: Seq;
}
