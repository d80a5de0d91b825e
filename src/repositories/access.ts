// The need-to-know rule's facts (domain/access.ts decides from them) and the same rule in SQL for
// lists (R-X-7). A repository test checks the two agree for every demo user and child.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';

/** (role, team kind) pairs of the services tasks are owed to (roles.ts SERVICE_TEAMS). */
const SERVICE_PAIRS = sql.join(Object.entries(SERVICE_TEAMS).map(([role, kind]) => sql`(${role}, ${kind})`));
import type { ChildAccessFacts, Viewer } from '../domain/access.ts';
import { type Role, SERVICE_TEAMS, hasTeamAccess, worksWithCases } from '../domain/roles.ts';
import type { Database } from '../db/types.ts';

/** The facts the access rule needs, for one viewer and one child. */
export async function childAccessFacts(
  db: Kysely<Database>,
  viewerId: string,
  childId: string,
): Promise<ChildAccessFacts | undefined> {
  return (await accessFacts(db, [viewerId], [childId])).get(viewerId)?.get(childId);
}

/** The access facts of several people about one child, in one query (who may be assigned a task). */
export async function childAccessFactsFor(
  db: Kysely<Database>,
  viewerIds: readonly string[],
  childId: string,
): Promise<Map<string, ChildAccessFacts>> {
  const byViewer = await accessFacts(db, viewerIds, [childId]);
  return new Map(
    [...byViewer].flatMap(([viewer, byChild]) =>
      byChild.has(childId) ? [[viewer, byChild.get(childId)!] as const] : [],
    ),
  );
}

/**
 * The access facts of these people about these children, in one query: viewer id, then child id.
 * Children that do not exist are absent.
 */
export async function accessFacts(
  db: Kysely<Database>,
  viewerIds: readonly string[],
  childIds: readonly string[],
): Promise<Map<string, Map<string, ChildAccessFacts>>> {
  if (!viewerIds.length || !childIds.length) return new Map();
  const rows = await db
    .selectFrom('children as c')
    .innerJoin('users as v', (j) => j.on('v.id', 'in', [...viewerIds]))
    .select((eb) => [
      'v.id as viewer_id',
      'c.id as child_id',
      'c.authority_id',
      'c.allocated_worker_id',
      'c.youth_justice_worker_id',
      eb
        .exists(
          eb
            .selectFrom('team_members as m')
            .select('m.user_id')
            .whereRef('m.team_id', '=', 'c.allocated_team_id')
            .where('m.user_id', '=', eb.ref('v.id')),
        )
        .as('in_team'),
      eb
        .exists(
          eb
            .selectFrom('team_members as mine')
            .select('mine.user_id')
            .where('mine.user_id', '=', eb.ref('v.id'))
            .where('mine.is_manager', '=', true)
            .where((inner) =>
              inner.or([
                inner('mine.team_id', '=', inner.ref('c.allocated_team_id')),
                inner.exists(
                  inner
                    .selectFrom('team_members as theirs')
                    .select('theirs.user_id')
                    .whereRef('theirs.team_id', '=', 'mine.team_id')
                    .whereRef('theirs.user_id', '=', 'c.allocated_worker_id'),
                ),
              ]),
            ),
        )
        .as('manages'),
      // An incident the viewer submitted about the child; a draft only for a child they recorded in
      // it (a draft never gives lasting sight of a child someone else recorded).
      eb
        .exists(
          eb
            .selectFrom('incident_children as ic')
            .innerJoin('incidents as i', 'i.id', 'ic.incident_id')
            .select('ic.child_id')
            .whereRef('ic.child_id', '=', 'c.id')
            .where('i.created_by', '=', eb.ref('v.id'))
            .where((inner) =>
              inner.or([inner('i.status', '=', 'submitted'), inner('c.created_by', '=', eb.ref('v.id'))]),
            ),
        )
        .as('recorded'),
      eb
        .exists(
          eb
            .selectFrom('referrals as rf')
            .innerJoin('team_members as rm', 'rm.team_id', 'rf.receiving_team_id')
            .select('rf.id')
            .whereRef('rf.child_id', '=', 'c.id')
            .where('rm.user_id', '=', eb.ref('v.id')),
        )
        .as('referred'),
      eb
        .exists(
          eb
            .selectFrom('access_grants as g')
            .select('g.id')
            .whereRef('g.child_id', '=', 'c.id')
            .where('g.user_id', '=', eb.ref('v.id'))
            .where('g.revoked_at', 'is', null)
            .where('g.expires_at', '>', new Date()),
        )
        .as('granted'),
      eb
        .exists(
          eb
            .selectFrom('assessments as asm')
            .select('asm.id')
            .whereRef('asm.child_id', '=', 'c.id')
            .where('asm.status', '=', 'in_progress')
            .where((inner) =>
              inner.or([
                inner('asm.lead_assessor_id', '=', eb.ref('v.id')),
                inner('asm.co_assessor_id', '=', eb.ref('v.id')),
              ]),
            ),
        )
        .as('assessing'),
      eb
        .exists(
          eb
            .selectFrom('panel_referrals as pr')
            .select('pr.id')
            .whereRef('pr.child_id', '=', 'c.id')
            .where((inner) =>
              inner.or([
                inner.and([
                  inner('pr.status', 'in', ['awaiting', 'accepted']),
                  inner.or([
                    inner('pr.lead_practitioner_id', '=', eb.ref('v.id')),
                    inner('pr.co_worker_id', '=', eb.ref('v.id')),
                  ]),
                ]),
                inner.exists(
                  inner
                    .selectFrom('user_roles as ur')
                    .select('ur.user_id')
                    .whereRef('ur.user_id', '=', 'v.id')
                    .where('ur.role', '=', 'panel_chair'),
                ),
              ]),
            ),
        )
        .as('on_panel'),
      // An open task on the child owed to a service the viewer works in, holding its role.
      eb
        .exists(
          eb
            .selectFrom('tasks as st')
            .innerJoin('user_roles as sr', 'sr.role', 'st.owner_role')
            .innerJoin('team_members as sm', 'sm.user_id', 'sr.user_id')
            .innerJoin('teams as stm', 'stm.id', 'sm.team_id')
            .select('st.id')
            .whereRef('st.child_id', '=', 'c.id')
            .where('st.status', '=', 'open')
            .where('sr.user_id', '=', eb.ref('v.id'))
            .where(sql<boolean>`(st.owner_role, stm.kind) in (values ${SERVICE_PAIRS})`),
        )
        .as('owing_service'),
    ])
    .where('c.id', 'in', [...childIds])
    .execute();
  const out = new Map<string, Map<string, ChildAccessFacts>>();
  for (const row of rows) {
    const forViewer = out.get(row.viewer_id) ?? new Map<string, ChildAccessFacts>();
    forViewer.set(row.child_id, {
      childAuthorityId: row.authority_id,
      allocatedWorkerId: row.allocated_worker_id,
      youthJusticeWorkerId: row.youth_justice_worker_id,
      viewerInAllocatedTeam: Boolean(row.in_team),
      viewerManagesAllocation: Boolean(row.manages),
      viewerRecordedIncident: Boolean(row.recorded),
      viewerInReferralTeam: Boolean(row.referred),
      viewerHasGrant: Boolean(row.granted),
      viewerIsAssessor: Boolean(row.assessing),
      viewerOnPanelCase: Boolean(row.on_panel),
      viewerInOwingService: Boolean(row.owing_service),
    });
    out.set(row.viewer_id, forViewer);
  }
  return out;
}

/** The need-to-know rule as a WHERE clause on `children as c` (mirrors decideChildAccess). */
export function visibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database & { c: Database['children'] }, 'c'>) => {
    if (!worksWithCases(viewer.roles)) return eb.val(false);
    // Uncorrelated IN subqueries: each runs once per query, not once per child.
    const clauses = [
      eb('c.allocated_worker_id', '=', viewer.id),
      eb('c.youth_justice_worker_id', '=', viewer.id),
      eb(
        'c.id',
        'in',
        eb
          .selectFrom('incident_children as ic')
          .innerJoin('incidents as i', 'i.id', 'ic.incident_id')
          .innerJoin('children as rc', 'rc.id', 'ic.child_id')
          .select('ic.child_id')
          .where('i.created_by', '=', viewer.id)
          .where((inner) => inner.or([inner('i.status', '=', 'submitted'), inner('rc.created_by', '=', viewer.id)])),
      ),
      eb(
        'c.id',
        'in',
        eb
          .selectFrom('access_grants as g')
          .select('g.child_id')
          .where('g.user_id', '=', viewer.id)
          .where('g.revoked_at', 'is', null)
          .where('g.expires_at', '>', new Date()),
      ),
      eb(
        'c.id',
        'in',
        eb
          .selectFrom('assessments as asm')
          .select('asm.child_id')
          .where('asm.status', '=', 'in_progress')
          .where((inner) =>
            inner.or([inner('asm.lead_assessor_id', '=', viewer.id), inner('asm.co_assessor_id', '=', viewer.id)]),
          ),
      ),
      eb(
        'c.id',
        'in',
        eb
          .selectFrom('panel_referrals as pr')
          .select('pr.child_id')
          .where((inner) =>
            viewer.roles.includes('panel_chair')
              ? inner.val(true)
              : inner.and([
                  inner('pr.status', 'in', ['awaiting', 'accepted']),
                  inner.or([
                    inner('pr.lead_practitioner_id', '=', viewer.id),
                    inner('pr.co_worker_id', '=', viewer.id),
                  ]),
                ]),
          ),
      ),
    ];
    if (hasTeamAccess(viewer.roles)) {
      const services = viewer.roles.filter((role): role is Role => SERVICE_TEAMS[role] !== undefined);
      if (services.length) {
        clauses.push(
          eb(
            'c.id',
            'in',
            eb
              .selectFrom('tasks as st')
              .select('st.child_id')
              .where('st.status', '=', 'open')
              .where('st.owner_role', 'in', services)
              .where((inner) =>
                inner.exists(
                  inner
                    .selectFrom('team_members as sm')
                    .innerJoin('teams as stm', 'stm.id', 'sm.team_id')
                    .select('sm.user_id')
                    .where('sm.user_id', '=', viewer.id)
                    .where(sql<boolean>`(st.owner_role, stm.kind) in (values ${SERVICE_PAIRS})`),
                ),
              ),
          ),
        );
      }
      clauses.push(
        eb(
          'c.allocated_team_id',
          'in',
          eb.selectFrom('team_members as m').select('m.team_id').where('m.user_id', '=', viewer.id),
        ),
        eb(
          'c.allocated_worker_id',
          'in',
          eb
            .selectFrom('team_members as mine')
            .innerJoin('team_members as theirs', 'theirs.team_id', 'mine.team_id')
            .select('theirs.user_id')
            .where('mine.user_id', '=', viewer.id)
            .where('mine.is_manager', '=', true),
        ),
        eb(
          'c.id',
          'in',
          eb
            .selectFrom('referrals as rf')
            .innerJoin('team_members as rm', 'rm.team_id', 'rf.receiving_team_id')
            .select('rf.child_id')
            .where('rm.user_id', '=', viewer.id),
        ),
      );
    }
    return eb.and([eb('c.authority_id', '=', viewer.authorityId), eb.or(clauses)]);
  };
}
