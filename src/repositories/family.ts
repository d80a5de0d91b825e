// A child's family and network, and the alerts on their record (issue 15): each on one child's
// record, ended with a reason rather than deleted.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { NetworkKind } from '../domain/family.ts';
import { type JsonRow, type RowOf, timestamp } from './shared-columns.ts';

export interface NetworkPerson {
  id: string;
  childId: string;
  kind: NetworkKind;
  name: string;
  relationship: string;
  organisation: string;
  phone: string;
  email: string;
  address: string;
  parentalResponsibility: boolean | null;
  livesWithChild: boolean | null;
  addedByName: string;
  addedAt: Date;
  ended: { at: Date; byName: string; reason: string } | null;
}

export interface ChildAlert {
  id: string;
  words: string;
  addedByName: string;
  addedAt: Date;
}

function networkQuery(db: Kysely<Database>) {
  return db
    .selectFrom('child_network as p')
    .innerJoin('users as a', 'a.id', 'p.added_by')
    .leftJoin('users as e', 'e.id', 'p.ended_by')
    .selectAll('p')
    .select(['a.display_name as added_by_name', 'e.display_name as ended_by_name']);
}

function toPerson(row: RowOf<typeof networkQuery>): NetworkPerson {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    name: row.name,
    relationship: row.relationship,
    organisation: row.organisation,
    phone: row.phone,
    email: row.email,
    address: row.address,
    parentalResponsibility: row.parental_responsibility,
    livesWithChild: row.lives_with_child,
    addedByName: row.added_by_name,
    addedAt: row.added_at,
    ended:
      row.ended_at && row.ended_reason
        ? { at: row.ended_at, byName: row.ended_by_name ?? '', reason: row.ended_reason }
        : null,
  };
}

/** A child's family and network, in the order they were added; those no longer involved too. */
export async function networkForChild(db: Kysely<Database>, childId: string): Promise<NetworkPerson[]> {
  const rows = await networkQuery(db).where('p.child_id', '=', childId).orderBy('p.added_at').orderBy('p.id').execute();
  return rows.map(toPerson);
}

export async function findPerson(db: Kysely<Database>, id: string): Promise<NetworkPerson | undefined> {
  const row = await networkQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row && toPerson(row);
}

export async function insertPerson(
  db: Kysely<Database>,
  person: Omit<NetworkPerson, 'id' | 'addedByName' | 'addedAt' | 'ended'> & { authorityId: string; addedBy: string },
): Promise<string> {
  const { id } = await db
    .insertInto('child_network')
    .values({
      authority_id: person.authorityId,
      child_id: person.childId,
      kind: person.kind,
      name: person.name,
      relationship: person.relationship,
      organisation: person.organisation,
      phone: person.phone,
      email: person.email,
      address: person.address,
      parental_responsibility: person.parentalResponsibility,
      lives_with_child: person.livesWithChild,
      added_by: person.addedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Ends a person's involvement; false when they were already ended (someone else got there first). */
export async function endPerson(db: Kysely<Database>, id: string, by: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('child_network')
    .set({ ended_at: new Date(), ended_by: by, ended_reason: reason })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A child's alerts that apply now, oldest first: the query, read as a JSON subquery of the child's row. */
export function activeAlertsQuery(db: Kysely<Database>, childId: string) {
  return db
    .selectFrom('child_alerts as al')
    .innerJoin('users as ab', 'ab.id', 'al.added_by')
    .select(['al.id', 'al.words', 'ab.display_name as added_by_name', 'al.added_at'])
    .where('al.child_id', '=', childId)
    .where('al.ended_at', 'is', null)
    .orderBy('al.added_at')
    .orderBy('al.id');
}

type AlertRow = RowOf<typeof activeAlertsQuery>;

/** One alert, read directly or through JSON. */
export function toAlert(row: AlertRow | JsonRow<AlertRow>): ChildAlert {
  return { id: row.id, words: row.words, addedByName: row.added_by_name, addedAt: timestamp(row.added_at) };
}

export async function findAlert(db: Kysely<Database>, id: string) {
  return db.selectFrom('child_alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAlert(
  db: Kysely<Database>,
  alert: { authorityId: string; childId: string; words: string; addedBy: string },
): Promise<string> {
  const { id } = await db
    .insertInto('child_alerts')
    .values({ authority_id: alert.authorityId, child_id: alert.childId, words: alert.words, added_by: alert.addedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Ends an alert; false when it had already ended. */
export async function endAlert(db: Kysely<Database>, id: string, by: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('child_alerts')
    .set({ ended_at: new Date(), ended_by: by, ended_reason: reason })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether the child is the child harmed in any incident (their household and addresses are sealed). */
export async function isChildHarmed(db: Kysely<Database>, childId: string): Promise<boolean> {
  const row = await db
    .selectFrom('incident_children')
    .select('child_id')
    .where('child_id', '=', childId)
    .where('role', '=', 'targeted')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
