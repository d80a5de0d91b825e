// The case list: the children a person may see (the need-to-know rule in SQL, access.ts
// visibleTo), filtered, sorted and paged on the server.
import { type Kysely, sql } from 'kysely';
import type { Viewer } from '../domain/access.ts';
import type { Database } from '../db/types.ts';
import { visibleTo } from './access.ts';
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
  let base = db
    .selectFrom('children as c')
    .where(visibleTo(viewer))
    .leftJoin('users as w', 'w.id', 'c.allocated_worker_id')
    .leftJoin('teams as t', 't.id', 'c.allocated_team_id');
  if (query.scope === 'mine') base = base.where('c.allocated_worker_id', '=', viewer.id);
  if (query.scope === 'team') {
    const teamIds = query.teamIds ?? [];
    base = teamIds.length ? base.where('c.allocated_team_id', 'in', teamIds) : base.where(sql<boolean>`false`);
  }
  if (query.status) base = base.where('c.status', '=', query.status);
  if (query.search && query.search.trim()) {
    const term = `%${query.search
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(c.first_name || ' ' || c.last_name)`, 'like', term),
        eb('c.person_id', '=', query.search!.trim()),
      ]),
    );
  }
  const totalRow = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

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
