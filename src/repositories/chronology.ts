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
] as const;
export type ChronologyRecord = { type: (typeof CHRONOLOGY_RECORDS)[number]; id: string };

export async function addChronologyEntry(
  db: Kysely<Database>,
  e: {
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
      child_id: e.childId,
      occurred_at: e.occurredAt,
      recorded_by: e.recordedBy,
      kind: e.kind,
      summary: e.summary,
      incident_id: e.incidentId ?? null,
      record_type: e.record?.type ?? null,
      record_id: e.record?.id ?? null,
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
  q: ChronologyQuery,
): Promise<{ rows: ChronologyRow[]; total: number }> {
  let base = db.selectFrom('chronology_entries as e').where('e.child_id', '=', q.childId);
  if (q.kinds && q.kinds.length) base = base.where('e.kind', 'in', q.kinds);
  if (q.from) base = base.where('e.occurred_at', '>=', new Date(`${q.from}T00:00:00Z`));
  if (q.to) base = base.where('e.occurred_at', '<', new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000));
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
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      recordedAt: r.recorded_at,
      recordedByName: r.display_name,
      kind: r.kind as ChronologyKind,
      summary: r.summary,
      incidentId: r.incident_id,
      record:
        r.record_type && r.record_id ? { type: r.record_type as ChronologyRecord['type'], id: r.record_id } : null,
    })),
  };
}
