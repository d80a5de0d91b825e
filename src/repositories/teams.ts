// An authority's teams: the people in each are linked from their accounts (repositories/users.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export interface TeamRow {
  id: string;
  name: string;
  kind: string;
  parentTeamId: string | null;
  memberCount: number;
}

export async function listTeams(db: Kysely<Database>, authorityId: string): Promise<TeamRow[]> {
  const rows = await db
    .selectFrom('teams as t')
    .leftJoin('team_members as m', 'm.team_id', 't.id')
    .select((eb) => ['t.id', 't.name', 't.kind', 't.parent_team_id', eb.fn.count<string>('m.user_id').as('members')])
    .where('t.authority_id', '=', authorityId)
    .groupBy(['t.id', 't.name', 't.kind', 't.parent_team_id'])
    .orderBy('t.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentTeamId: row.parent_team_id,
    memberCount: Number(row.members),
  }));
}

export async function insertTeam(
  db: Kysely<Database>,
  team: { authorityId: string; name: string; kind: string; parentTeamId: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto('teams')
    .values({ authority_id: team.authorityId, name: team.name, kind: team.kind, parent_team_id: team.parentTeamId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function teamNameExists(db: Kysely<Database>, authorityId: string, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('teams')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.trim().toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}
