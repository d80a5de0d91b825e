// Incidents recorded on the Sexual Behaviour Recording Form, and the children they link.
import { type Kysely, sql } from 'kysely';
import type { ChildRole, IncidentListField, IncidentTextField } from '../domain/recording-form.ts';
import type { Database, IncidentRow } from '../db/types.ts';
import { changedOne, childName, type JsonRow, type RowOf, timestamp } from './shared-columns.ts';

export interface IncidentChild {
  childId: string;
  role: ChildRole;
  ownWords: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  authorityId: string;
}

export interface Incident {
  id: string;
  authorityId: string;
  status: 'draft' | 'submitted';
  occurredAt: Date | null;
  text: Record<IncidentTextField, string>;
  lists: Record<IncidentListField, string[]>;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  updatedByName: string;
  submittedAt: Date | null;
  version: number;
  children: IncidentChild[];
}

function textOf(row: IncidentRow): Record<IncidentTextField, string> {
  return {
    completed_by_name: row.completed_by_name,
    completed_by_role: row.completed_by_role,
    completed_by_relation: row.completed_by_relation,
    location_type: row.location_type,
    location_area: row.location_area,
    location_details: row.location_details,
    technology_assisted: row.technology_assisted,
    technology_details: row.technology_details,
    behaviour: row.behaviour,
    context_planning: row.context_planning,
    context_details: row.context_details,
    relationship_details: row.relationship_details,
    normally_associate: row.normally_associate,
    others_response: row.others_response,
    child_response: row.child_response,
    attempt_to_address: row.attempt_to_address,
    parents_response: row.parents_response,
    other_actions: row.other_actions,
  };
}

export async function insertDraftIncident(
  db: Kysely<Database>,
  incident: { authorityId: string; createdBy: string; completedByName: string; completedByRole: string },
): Promise<string> {
  const { id } = await db
    .insertInto('incidents')
    .values({
      authority_id: incident.authorityId,
      created_by: incident.createdBy,
      updated_by: incident.createdBy,
      completed_by_name: incident.completedByName,
      completed_by_role: incident.completedByRole,
      occurred_at: null,
      submitted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findIncident(db: Kysely<Database>, id: string): Promise<Incident | undefined> {
  const row = await db
    .selectFrom('incidents as i')
    .innerJoin('users as cb', 'cb.id', 'i.created_by')
    .innerJoin('users as ub', 'ub.id', 'i.updated_by')
    .selectAll('i')
    .select(['cb.display_name as created_by_name', 'ub.display_name as updated_by_name'])
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const children = await db
    .selectFrom('incident_children as ic')
    .innerJoin('children as c', 'c.id', 'ic.child_id')
    .select([
      'ic.child_id',
      'ic.role',
      'ic.own_words',
      'c.first_name',
      'c.last_name',
      'c.date_of_birth',
      'c.authority_id',
    ])
    .where('ic.incident_id', '=', id)
    .orderBy('ic.added_at')
    .execute();
  return {
    id: row.id,
    authorityId: row.authority_id,
    status: row.status,
    occurredAt: row.occurred_at,
    text: textOf(row),
    lists: {
      context_factors: row.context_factors,
      power_imbalance: row.power_imbalance,
      body_regions: row.body_regions,
    },
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    submittedAt: row.submitted_at,
    version: row.version,
    children: children.map((child) => ({
      childId: child.child_id,
      role: child.role,
      ownWords: child.own_words,
      firstName: child.first_name,
      lastName: child.last_name,
      dateOfBirth: child.date_of_birth,
      authorityId: child.authority_id,
    })),
  };
}

export type IncidentChanges = Partial<Record<IncidentTextField, string>> &
  Partial<Record<IncidentListField, string[]>> & { occurred_at?: Date | null };

/** One versioned change, by `updatedBy`; false when someone saved since `version`, or the incident is no longer `from`. */
async function updateIfCurrent(
  db: Kysely<Database>,
  id: string,
  version: number,
  updatedBy: string,
  changes: IncidentChanges & { status?: 'submitted'; submitted_at?: Date },
  from?: 'draft',
): Promise<boolean> {
  const res = await db
    .updateTable('incidents')
    .set((eb) => ({ ...changes, updated_by: updatedBy, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .$if(from !== undefined, (query) => query.where('status', '=', from!))
    .executeTakeFirst();
  return changedOne(res);
}

/** Saves changes if nobody saved since `version`; false when stale. */
export function updateIncident(
  db: Kysely<Database>,
  id: string,
  version: number,
  updatedBy: string,
  changes: IncidentChanges,
): Promise<boolean> {
  return updateIfCurrent(db, id, version, updatedBy, changes);
}

export async function bumpIncidentVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  updatedBy: string,
): Promise<boolean> {
  return updateIncident(db, id, version, updatedBy, {});
}

export async function upsertIncidentChild(
  db: Kysely<Database>,
  incidentChild: { incidentId: string; childId: string; role: ChildRole; ownWords: string; linkedBy?: string },
): Promise<void> {
  await db
    .insertInto('incident_children')
    .values({
      incident_id: incidentChild.incidentId,
      child_id: incidentChild.childId,
      role: incidentChild.role,
      own_words: incidentChild.ownWords,
      linked_by: incidentChild.linkedBy ?? null,
    })
    .onConflict((oc) =>
      oc
        .columns(['incident_id', 'child_id'])
        .doUpdateSet({ role: incidentChild.role, own_words: incidentChild.ownWords }),
    )
    .execute();
}

export async function removeIncidentChild(db: Kysely<Database>, incidentId: string, childId: string): Promise<void> {
  await db
    .deleteFrom('incident_children')
    .where('incident_id', '=', incidentId)
    .where('child_id', '=', childId)
    .execute();
}

export function markSubmitted(db: Kysely<Database>, id: string, version: number, by: string): Promise<boolean> {
  return updateIfCurrent(db, id, version, by, { status: 'submitted', submitted_at: new Date() }, 'draft');
}

export async function listDrafts(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('incidents')
    .select(['id', 'occurred_at', 'updated_at', 'behaviour'])
    .where('created_by', '=', userId)
    .where('status', '=', 'draft')
    .orderBy('updated_at', 'desc')
    .execute();
}

export interface ChildIncidentSummary {
  incidentId: string;
  occurredAt: Date | null;
  submittedAt: Date | null;
  role: ChildRole;
  locationType: string;
  technologyAssisted: string;
  others: { childId: string; role: ChildRole }[];
}

/**
 * A child's submitted incidents, newest first, each with the child's own role and the other children in it with their
 * names: the query, for `incidentsForChild` and the child's record. The names are for the record to show only those
 * the viewer may see (R-X-1); `toChildIncident` leaves them out.
 */
export function incidentsForChildQuery(db: Kysely<Database>, childId: string) {
  return db
    .selectFrom('incident_children as ic')
    .innerJoin('incidents as i', 'i.id', 'ic.incident_id')
    .select(['i.id', 'i.occurred_at', 'i.submitted_at', 'ic.role', 'i.location_type', 'i.technology_assisted'])
    .select(
      sql<{ child_id: string; role: ChildRole; name: string }[]>`coalesce((
        select json_agg(json_build_object('child_id', o.child_id, 'role', o.role, 'name', ${childName}))
          from incident_children o join children c on c.id = o.child_id
         where o.incident_id = i.id and o.child_id <> ic.child_id), '[]'::json)`.as('others'),
    )
    .where('ic.child_id', '=', childId)
    .where('i.status', '=', 'submitted')
    .orderBy('i.occurred_at', 'desc');
}

type ChildIncidentRow = RowOf<typeof incidentsForChildQuery>;

/** One incident of a child's, read directly or through JSON. */
export function toChildIncident(row: ChildIncidentRow | JsonRow<ChildIncidentRow>): ChildIncidentSummary {
  return {
    incidentId: row.id,
    occurredAt: timestamp(row.occurred_at),
    submittedAt: timestamp(row.submitted_at),
    role: row.role,
    locationType: row.location_type,
    technologyAssisted: row.technology_assisted,
    others: row.others.map((other) => ({ childId: other.child_id, role: other.role })),
  };
}

/** The names ("first last") of the other children in these incidents, by id: for the service to show the visible ones. */
export function otherChildNames(rows: readonly Pick<ChildIncidentRow, 'others'>[]): Map<string, string> {
  return new Map(rows.flatMap((row) => row.others.map((other) => [other.child_id, other.name] as const)));
}

/** Submitted incidents linking a child, newest first, each with the child's own role. */
export async function incidentsForChild(db: Kysely<Database>, childId: string): Promise<ChildIncidentSummary[]> {
  // One statement: each incident with the other children in it.
  const rows = await incidentsForChildQuery(db, childId).execute();
  return rows.map(toChildIncident);
}

/** A child's open tasks on an incident (their ids), and how many meetings still arranged for it that include them: what stands on their part. */
export async function openWorkFor(
  db: Kysely<Database>,
  incidentId: string,
  childId: string,
): Promise<{ taskIds: string[]; meetings: number }> {
  const tasks = await db
    .selectFrom('tasks')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('child_id', '=', childId)
    .where('status', '=', 'open')
    .execute();
  const meetings = await db
    .selectFrom('meeting_children as mc')
    .innerJoin('meetings as m', 'm.id', 'mc.meeting_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.incident_id', '=', incidentId)
    .where('mc.child_id', '=', childId)
    .where('m.status', '=', 'arranged')
    .executeTakeFirstOrThrow();
  return { taskIds: tasks.map((task) => task.id), meetings: Number(meetings.n) };
}
