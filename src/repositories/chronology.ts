// Each child's chronology: everything recorded about them, written by the services in the
// same transaction as the change (R-X-9).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export const CHRONOLOGY_KINDS = {
  record_created: 'Record created',
  record_updated: 'Record updated',
  incident: 'Incident',
  allocation: 'Allocation',
  access_grant: 'Access granted',
  screening: 'Level of concern',
  task: 'Task',
  referral: 'Referral',
  meeting: 'Meeting',
  external_decision: 'Police or prosecution decision',
  case_status: 'Case closed or reopened',
  assessment: 'Assessment',
  plan: 'Plan',
  note: 'Case note',
  family: 'Family and network',
  alert: 'Alert',
  document: 'Document',
} as const;
export type ChronologyKind = keyof typeof CHRONOLOGY_KINDS;

/** The record an entry is about, which it links to. */
export const CHRONOLOGY_RECORDS = [
  'meeting',
  'referral',
  'assessment',
  'panel_referral',
  'screening',
  'task',
  'external_decision',
  'plan',
  'case_note',
  'document',
] as const;
export type ChronologyRecord = { type: (typeof CHRONOLOGY_RECORDS)[number]; id: string };

export async function addChronologyEntry(
  db: Kysely<Database>,
  entry: {
    childId: string;
    occurredAt: Date;
    recordedBy: string;
    kind: ChronologyKind;
    summary: string;
    incidentId?: string | null;
    record?: ChronologyRecord;
  },
): Promise<void> {
  await db
    .insertInto('chronology_entries')
    .values({
      child_id: entry.childId,
      occurred_at: entry.occurredAt,
      recorded_by: entry.recordedBy,
      kind: entry.kind,
      summary: entry.summary,
      incident_id: entry.incidentId ?? null,
      record_type: entry.record?.type ?? null,
      record_id: entry.record?.id ?? null,
    })
    .execute();
}

export interface ChronologyQuery {
  childId: string;
  kinds?: ChronologyKind[];
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface ChronologyRow {
  id: string;
  occurredAt: Date;
  recordedAt: Date;
  recordedByName: string;
  kind: ChronologyKind;
  summary: string;
  incidentId: string | null;
  record: ChronologyRecord | null;
}

export async function listChronology(
  db: Kysely<Database>,
  query: ChronologyQuery,
): Promise<{ rows: ChronologyRow[]; total: number }> {
  let base = db.selectFrom('chronology_entries as e').where('e.child_id', '=', query.childId);
  if (query.kinds && query.kinds.length) base = base.where('e.kind', 'in', query.kinds);
  if (query.from) base = base.where('e.occurred_at', '>=', new Date(`${query.from}T00:00:00Z`));
  if (query.to)
    base = base.where('e.occurred_at', '<', new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000));
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('users as u', 'u.id', 'e.recorded_by')
    .select([
      'e.id',
      'e.occurred_at',
      'e.recorded_at',
      'u.display_name',
      'e.kind',
      'e.summary',
      'e.incident_id',
      'e.record_type',
      'e.record_id',
    ])
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.recorded_at', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      recordedAt: row.recorded_at,
      recordedByName: row.display_name,
      kind: row.kind as ChronologyKind,
      summary: row.summary,
      incidentId: row.incident_id,
      record:
        row.record_type && row.record_id
          ? { type: row.record_type as ChronologyRecord['type'], id: row.record_id }
          : null,
    })),
  };
}
