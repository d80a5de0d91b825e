// The case list: the children a person may see (the need-to-know rule in SQL, access.ts
// visibleTo), filtered, sorted and paged on the server.
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Viewer } from '../domain/access.ts';
import type { Database } from '../db/types.ts';
import { type OnChild, visibleChildIds, visibleTo } from './access.ts';
import { namedChild } from './children.ts';

export const CASE_SORTS = ['name', 'dob', 'latest', 'worker', 'status'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export interface CaseListQuery {
  scope: 'mine' | 'team' | 'visible';
  teamIds?: string[];
  search?: string;
  status?: 'open' | 'closed' | '';
  sort: CaseSort;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface CaseListRow {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  allocatedWorkerName: string | null;
  allocatedTeamName: string | null;
  status: string;
  latestIncidentAt: Date | null;
  lastActivityAt: Date;
}

export async function listCases(
  db: Kysely<Database>,
  viewer: Viewer,
  query: CaseListQuery,
): Promise<{ rows: CaseListRow[]; total: number }> {
  // The list's own filters, on `children as c`: the same for the rows and for the count.
  const filtered = query.scope !== 'visible' || Boolean(query.status) || Boolean(query.search?.trim());
  const filters = (eb: OnChild) => {
    const clauses: Expression<SqlBool>[] = [];
    if (query.scope === 'mine') clauses.push(eb('c.allocated_worker_id', '=', viewer.id));
    if (query.scope === 'team') {
      const teamIds = query.teamIds ?? [];
      clauses.push(teamIds.length ? eb('c.allocated_team_id', 'in', teamIds) : sql<boolean>`false`);
    }
    if (query.status) clauses.push(eb('c.status', '=', query.status));
    if (query.search && query.search.trim()) {
      const term = `%${query.search
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      clauses.push(
        eb.or([
          eb(sql`lower(c.first_name || ' ' || c.last_name)`, 'like', term),
          eb('c.person_id', '=', query.search.trim()),
        ]),
      );
    }
    return eb.and(clauses);
  };
  const base = db
    .selectFrom('children as c')
    .where(visibleTo(viewer))
    .$if(filtered, (query) => query.where(filters))
    .leftJoin('users as w', 'w.id', 'c.allocated_worker_id')
    .leftJoin('teams as t', 't.id', 'c.allocated_team_id');
  // Everything the person may see is counted from the union of what each basis opens (ADR 0021),
  // which reads indexes; a narrower scope is counted from the children it names.
  const totalRow =
    query.scope === 'visible'
      ? await db
          .selectFrom(visibleChildIds(db, viewer, filtered ? filters : undefined).as('v'))
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      : await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

  const dir = query.direction;
  let rowsQ = base.select([
    'c.id',
    'c.first_name',
    'c.last_name',
    'c.date_of_birth',
    'c.status',
    'c.last_activity_at',
    'w.display_name as worker_name',
    't.name as team_name',
    'c.latest_incident_at',
  ]);
  switch (query.sort) {
    case 'name':
      rowsQ = rowsQ.orderBy('c.last_name', dir).orderBy('c.first_name', dir);
      break;
    case 'dob':
      rowsQ = rowsQ.orderBy('c.date_of_birth', dir);
      break;
    case 'latest':
      rowsQ = rowsQ.orderBy(sql`c.latest_incident_at ${sql.raw(dir)} nulls last`);
      break;
    case 'worker':
      rowsQ = rowsQ.orderBy(sql`w.display_name ${sql.raw(dir)} nulls last`);
      break;
    case 'status':
      rowsQ = rowsQ.orderBy('c.status', dir);
      break;
  }
  const rows = await rowsQ
    .orderBy('c.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    total: Number(totalRow.n),
    rows: rows.map((row) => ({
      ...namedChild(row),
      allocatedWorkerName: row.worker_name,
      allocatedTeamName: row.team_name,
      status: row.status,
      latestIncidentAt: row.latest_incident_at,
      lastActivityAt: row.last_activity_at,
    })),
  };
}
