// The child's record as an aggregate: the record itself, allocation, closure and reopening, and
// its activity. The case list is in case-list.ts, the duplicate and name searches in
// child-search.ts; the need-to-know rule in SQL is in access.ts.
import { type Kysely, sql } from 'kysely';
import type { ChildRow, Database } from '../db/types.ts';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { grantsForChildQuery, toGrant } from './grants.ts';
import { incidentsForChildQuery, otherChildNames, toChildIncident } from './incidents.ts';
import { type ChildAlert, activeAlertsQuery, toAlert } from './family.ts';
import { decisionsForChildQuery, toScreening } from './screenings.ts';
import { toWorkingDaySettings, workingDaySettingsQuery } from './settings.ts';
import { changedOne } from './shared-columns.ts';
import { tasksForChildQuery, toTask } from './tasks.ts';

export interface ChildFields {
  firstName: string;
  lastName: string;
  otherNames: string;
  dateOfBirth: string;
  sex: string;
  ethnicity: string;
  send: boolean;
  sendDetails: string;
  developmentalAge: number | null;
  lookedAfter: boolean;
  schoolOrSetting: string;
  homeArea: string;
  personId: string;
  nhsNumber: string;
}

export interface Child extends ChildFields {
  id: string;
  authorityId: string;
  allocatedWorkerId: string | null;
  allocatedWorkerName: string | null;
  youthJusticeWorkerId: string | null;
  youthJusticeWorkerName: string | null;
  allocatedTeamId: string | null;
  allocatedTeamName: string | null;
  status: 'open' | 'closed';
  closedAt: Date | null;
  closedByName: string | null;
  closureReason: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
  updatedByName: string | null;
  /** The alerts that apply now, shown at the top of every page of the record (issue 15). */
  alerts: ChildAlert[];
}

function toColumns(fields: ChildFields) {
  return {
    first_name: fields.firstName,
    last_name: fields.lastName,
    other_names: fields.otherNames,
    date_of_birth: fields.dateOfBirth,
    sex: fields.sex,
    ethnicity: fields.ethnicity,
    send: fields.send,
    send_details: fields.sendDetails,
    developmental_age: fields.developmentalAge,
    looked_after: fields.lookedAfter,
    school_or_setting: fields.schoolOrSetting,
    home_area: fields.homeArea,
    person_id: fields.personId,
    nhs_number: fields.nhsNumber,
  };
}

type ChildWithNames = ChildRow & {
  worker_name: string | null;
  yj_name: string | null;
  team_name: string | null;
  updated_by_name: string | null;
  closed_by_name: string | null;
  alerts: Parameters<typeof toAlert>[0][];
};

/** A child as lists and searches name them. */
export interface NamedChild {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
}

/** The one mapping of a child's naming columns, for every query that lists children. */
export function namedChild(row: Pick<ChildRow, 'id' | 'first_name' | 'last_name' | 'date_of_birth'>): NamedChild {
  return { id: row.id, firstName: row.first_name, lastName: row.last_name, dateOfBirth: row.date_of_birth };
}

function fromRow(row: ChildWithNames): Child {
  return {
    ...namedChild(row),
    authorityId: row.authority_id,
    otherNames: row.other_names,
    sex: row.sex,
    ethnicity: row.ethnicity,
    send: row.send,
    sendDetails: row.send_details,
    developmentalAge: row.developmental_age,
    lookedAfter: row.looked_after,
    schoolOrSetting: row.school_or_setting,
    homeArea: row.home_area,
    personId: row.person_id,
    nhsNumber: row.nhs_number,
    allocatedWorkerId: row.allocated_worker_id,
    allocatedWorkerName: row.worker_name,
    youthJusticeWorkerId: row.youth_justice_worker_id,
    youthJusticeWorkerName: row.yj_name,
    allocatedTeamId: row.allocated_team_id,
    allocatedTeamName: row.team_name,
    status: row.status,
    closedAt: row.closed_at,
    closedByName: row.closed_by_name,
    closureReason: row.closure_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActivityAt: row.last_activity_at,
    updatedByName: row.updated_by_name,
    alerts: row.alerts.map(toAlert),
  };
}

export async function insertChild(
  db: Kysely<Database>,
  child: {
    authorityId: string;
    createdBy: string;
    fields: ChildFields;
    allocatedTeamId: string | null;
    allocatedWorkerId: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('children')
    .values({
      ...toColumns(child.fields),
      authority_id: child.authorityId,
      created_by: child.createdBy,
      updated_by: child.createdBy,
      allocated_team_id: child.allocatedTeamId,
      allocated_worker_id: child.allocatedWorkerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

type ChildChanges = Partial<Omit<ChildRow, 'id' | 'version' | 'updated_by' | 'updated_at' | 'last_activity_at'>>;

/** Applies changes only if nobody saved since `version` was read; false when the save is stale. */
async function updateIfCurrent(
  db: Kysely<Database>,
  id: string,
  version: number,
  updatedBy: string,
  changes: ChildChanges,
  status?: 'open' | 'closed',
): Promise<boolean> {
  const now = new Date();
  let query = db
    .updateTable('children')
    .set((eb) => ({
      ...changes,
      updated_by: updatedBy,
      updated_at: now,
      last_activity_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version);
  if (status) query = query.where('status', '=', status);
  const res = await query.executeTakeFirst();
  return changedOne(res);
}

export function updateChild(
  db: Kysely<Database>,
  id: string,
  version: number,
  updatedBy: string,
  fields: ChildFields,
): Promise<boolean> {
  return updateIfCurrent(db, id, version, updatedBy, toColumns(fields));
}

export function setAllocation(
  db: Kysely<Database>,
  id: string,
  version: number,
  updatedBy: string,
  allocation: { workerId: string | null; teamId: string | null; youthJusticeWorkerId?: string | null },
): Promise<boolean> {
  return updateIfCurrent(db, id, version, updatedBy, {
    allocated_worker_id: allocation.workerId,
    allocated_team_id: allocation.teamId,
    ...(allocation.youthJusticeWorkerId !== undefined
      ? { youth_justice_worker_id: allocation.youthJusticeWorkerId }
      : {}),
  });
}

/** Closes the case; false when it is stale or already closed. */
export async function closeCase(
  db: Kysely<Database>,
  id: string,
  version: number,
  by: string,
  reason: string,
): Promise<boolean> {
  return updateIfCurrent(
    db,
    id,
    version,
    by,
    { status: 'closed', closed_at: new Date(), closed_by: by, closure_reason: reason },
    'open',
  );
}

/** Reopens a closed case; false when it is stale or already open. */
export async function reopenCase(db: Kysely<Database>, id: string, version: number, by: string): Promise<boolean> {
  return updateIfCurrent(
    db,
    id,
    version,
    by,
    { status: 'open', closed_at: null, closed_by: null, closure_reason: '' },
    'closed',
  );
}

/** Reopens those of these children's cases that are closed (a new incident, new tasks); returns those reopened. */
export async function reopenClosed(db: Kysely<Database>, ids: string[], by: string): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('children')
    .set((eb) => ({
      status: 'open',
      closed_at: null,
      closed_by: null,
      closure_reason: '',
      updated_by: by,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', ids)
    .where('status', '=', 'closed')
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Marks activity on the children an incident links, and keeps their latest incident date. */
export async function recordIncidentOnChildren(db: Kysely<Database>, ids: string[], occurredAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('children')
    .set({
      last_activity_at: new Date(),
      latest_incident_at: sql<Date>`greatest(latest_incident_at, ${occurredAt}::timestamptz)`,
    })
    .where('id', 'in', ids)
    .execute();
}

/** A child taken off an incident (issue 15): their latest incident date from the submitted incidents still linking them. */
export async function recountLatestIncident(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('children')
    .set({
      last_activity_at: new Date(),
      latest_incident_at: sql<Date | null>`(select max(i.occurred_at) from incident_children ic
        join incidents i on i.id = ic.incident_id where ic.child_id = ${id}::uuid and i.status = 'submitted')`,
    })
    .where('id', '=', id)
    .execute();
}

/** Children on the other side of this child's incidents (displayed vs targeted), with their workers (R-KEN-6). */
export async function otherSideWorkers(db: Kysely<Database>, childId: string) {
  const rows = await db
    .selectFrom('incident_children as me')
    .innerJoin('incident_children as them', (j) =>
      j.onRef('them.incident_id', '=', 'me.incident_id').onRef('them.child_id', '!=', 'me.child_id'),
    )
    .innerJoin('incidents as i', 'i.id', 'me.incident_id')
    .innerJoin('children as oc', 'oc.id', 'them.child_id')
    .leftJoin('users as w', 'w.id', 'oc.allocated_worker_id')
    .select([
      'me.role as this_role',
      'them.role as their_role',
      'oc.allocated_worker_id',
      'w.display_name',
      'i.occurred_at',
    ])
    .where('me.child_id', '=', childId)
    .where('i.status', '=', 'submitted')
    .execute();
  return rows
    .filter(
      (row) =>
        (row.this_role === 'displayed' && row.their_role === 'targeted') ||
        (row.this_role === 'targeted' && row.their_role === 'displayed'),
    )
    .map((row) => ({
      otherWorkerId: row.allocated_worker_id,
      otherWorkerName: row.display_name,
      thisRole: row.this_role as 'displayed' | 'targeted',
      occurredAt: row.occurred_at,
    }));
}

/** Whether the child displayed the behaviour in a submitted incident (an assessment is of the child who harmed). */
export async function displayedBehaviour(db: Kysely<Database>, childId: string): Promise<boolean> {
  const row = await db
    .selectFrom('incident_children as ic')
    .innerJoin('incidents as i', 'i.id', 'ic.incident_id')
    .select('ic.child_id')
    .where('ic.child_id', '=', childId)
    .where('ic.role', '=', 'displayed')
    .where('i.status', '=', 'submitted')
    .executeTakeFirst();
  return row !== undefined;
}

/** Something was done on the child's case: resets the inactivity clock (R-THU-7). */
export async function touchChildren(db: Kysely<Database>, ids: string[]): Promise<void> {
  if (ids.length)
    await db.updateTable('children').set({ last_activity_at: new Date() }).where('id', 'in', ids).execute();
}

/** A child with the names of their workers, team and who last changed and closed the record. */
function childQuery(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('children as c')
    .leftJoin('users as w', 'w.id', 'c.allocated_worker_id')
    .leftJoin('teams as t', 't.id', 'c.allocated_team_id')
    .leftJoin('users as ub', 'ub.id', 'c.updated_by')
    .leftJoin('users as yj', 'yj.id', 'c.youth_justice_worker_id')
    .leftJoin('users as cb', 'cb.id', 'c.closed_by')
    .selectAll('c')
    .select([
      'w.display_name as worker_name',
      't.name as team_name',
      'ub.display_name as updated_by_name',
      'yj.display_name as yj_name',
      'cb.display_name as closed_by_name',
      jsonArrayFrom(activeAlertsQuery(db, id)).as('alerts'),
    ])
    .where('c.id', '=', id);
}

export async function findChild(db: Kysely<Database>, id: string): Promise<Child | undefined> {
  const row = await childQuery(db, id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * The child's record page in one statement (issue 13): the child, their incidents with the other children's names,
 * active grants, screening decisions, tasks, and the viewer's authority's working-day settings (for the inactivity
 * cutoff). Each part is its own repository's query and mapper, read as a JSON subquery of the child's row.
 */
export async function findChildRecord(db: Kysely<Database>, id: string, authorityId: string) {
  const row = await childQuery(db, id)
    .select([
      jsonArrayFrom(incidentsForChildQuery(db, id)).as('record_incidents'),
      jsonArrayFrom(grantsForChildQuery(db, id)).as('record_grants'),
      jsonArrayFrom(decisionsForChildQuery(db, id)).as('record_decisions'),
      jsonArrayFrom(tasksForChildQuery(db, id)).as('record_tasks'),
      jsonObjectFrom(workingDaySettingsQuery(db, authorityId)).as('record_working_days'),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    child: fromRow(row),
    incidents: row.record_incidents.map(toChildIncident),
    /** Every other child's name: the service shows only those the viewer may see (R-X-1). */
    otherChildNames: otherChildNames(row.record_incidents),
    grants: row.record_grants.map(toGrant),
    decisions: row.record_decisions.map(toScreening),
    tasks: row.record_tasks.map(toTask),
    workingDays: toWorkingDaySettings(row.record_working_days),
  };
}
