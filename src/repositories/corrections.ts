// Corrections to submitted records (issue 15): each keeps the record as it stood before it, whole,
// with what changed and why. Rows are only ever added.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export type CorrectedRecord = 'incident' | 'screening' | 'minutes';

export interface Correction<Before = unknown> {
  id: string;
  number: number;
  part: string;
  changedFields: string[];
  before: Before;
  reason: string;
  correctedBy: string;
  correctedByName: string;
  correctedAt: Date;
}

/** A record's corrections, oldest first: correction n holds version n, as it stood before it. */
export async function correctionsOf<Before>(
  db: Kysely<Database>,
  recordType: CorrectedRecord,
  recordId: string,
): Promise<Correction<Before>[]> {
  const rows = await db
    .selectFrom('record_corrections as rc')
    .innerJoin('users as u', 'u.id', 'rc.corrected_by')
    .select([
      'rc.id',
      'rc.number',
      'rc.part',
      'rc.changed_fields',
      'rc.before',
      'rc.reason',
      'rc.corrected_by',
      'u.display_name',
      'rc.corrected_at',
    ])
    .where('rc.record_type', '=', recordType)
    .where('rc.record_id', '=', recordId)
    .orderBy('rc.number')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    part: row.part,
    changedFields: row.changed_fields,
    before: row.before as Before,
    reason: row.reason,
    correctedBy: row.corrected_by,
    correctedByName: row.display_name,
    correctedAt: row.corrected_at,
  }));
}

/** One correction as a record's page lists it: the version it made, when, by whom, which part and why. */
export interface CorrectionEntry {
  version: number;
  correctedAt: Date;
  correctedByName: string;
  part: string;
  changedFields: string[];
  reason: string;
}

/** A record's corrections, oldest first, as its page lists them (version 1 is the record as first made). */
export async function correctionEntries(
  db: Kysely<Database>,
  recordType: CorrectedRecord,
  recordId: string,
): Promise<CorrectionEntry[]> {
  return (await correctionsOf(db, recordType, recordId)).map((row) => ({
    version: row.number + 1,
    correctedAt: row.correctedAt,
    correctedByName: row.correctedByName,
    part: row.part,
    changedFields: row.changedFields,
    reason: row.reason,
  }));
}

/**
 * Adds the next correction of a record. The number comes from those already made, and the unique
 * key refuses a second correction racing for the same number (the record's own version check
 * refuses it first).
 */
export async function insertCorrection(
  db: Kysely<Database>,
  correction: {
    authorityId: string;
    recordType: CorrectedRecord;
    recordId: string;
    part: string;
    changedFields: string[];
    before: unknown;
    reason: string;
    correctedBy: string;
  },
): Promise<number> {
  const last = await db
    .selectFrom('record_corrections')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('record_type', '=', correction.recordType)
    .where('record_id', '=', correction.recordId)
    .executeTakeFirstOrThrow();
  const number = (last.n ?? 0) + 1;
  await db
    .insertInto('record_corrections')
    .values({
      authority_id: correction.authorityId,
      record_type: correction.recordType,
      record_id: correction.recordId,
      number,
      part: correction.part,
      changed_fields: correction.changedFields,
      before: JSON.stringify(correction.before),
      reason: correction.reason,
      corrected_by: correction.correctedBy,
    })
    .execute();
  return number;
}
