// The need-to-know rule's facts (domain/access.ts decides from them) and the same rule in SQL for
// lists (R-X-7). A repository test checks the two agree for every demo user and child.
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { ChildAccessFacts, Viewer } from '../domain/access.ts';
import { type Role, SERVICE_TEAMS, hasTeamAccess, worksWithCases } from '../domain/roles.ts';
import type { Database } from '../db/types.ts';

/** (role, team kind) pairs of the services tasks are owed to (roles.ts SERVICE_TEAMS). */
const SERVICE_PAIRS = sql.join(Object.entries(SERVICE_TEAMS).map(([role, kind]) => sql`(${role}, ${kind})`));

// Each basis of the rule is written once, below, as the children it opens to a viewer, and used
// twice: by visibleTo, as an uncorrelated IN list for one viewer (each runs once per query, not
// once per child), and by accessFacts, as an EXISTS on the child row for each viewer row (so each
// is looked up by the child). What differs is only how the viewer is given:

/** The viewer: their id (visibleTo), or the id of each viewer row (accessFacts, several viewers at once). */
type Who = string | Expression<string>;
/** The viewer's roles: as loaded (visibleTo), or as user_roles holds them for each viewer row (accessFacts). */
type Roles = readonly Role[] | 'stored';
/** The child row a basis is looked up for (accessFacts); none for the list of every child it opens (visibleTo). */
type Only = Expression<string> | undefined;
/** A clause on `children as c`. */
export type OnChild = ExpressionBuilder<Database & { c: Database['children'] }, 'c'>;

/** The teams the viewer is a member of (a child allocated to one is theirs to see). */
function teamsOf(eb: OnChild, who: Who) {
  return eb.selectFrom('team_members as m').select('m.team_id').where('m.user_id', '=', who);
}

/** The teams the viewer manages. */
function managedBy(eb: OnChild, who: Who) {
  return eb.selectFrom('team_members as mine').where('mine.user_id', '=', who).where('mine.is_manager', '=', true);
}

/** The members of the teams the viewer manages (a child allocated to one of them is theirs to see). */
function workersManagedBy(eb: OnChild, who: Who) {
  return managedBy(eb, who)
    .innerJoin('team_members as theirs', 'theirs.team_id', 'mine.team_id')
    .select('theirs.user_id');
}

/** The viewer manages the child's allocated team, or a team the allocated worker belongs to. */
function managesAllocation(eb: OnChild, who: Who) {
  return eb.or([
    eb('c.allocated_team_id', 'in', managedBy(eb, who).select('mine.team_id')),
    eb('c.allocated_worker_id', 'in', workersManagedBy(eb, who)),
  ]);
}

/**
 * Children in an incident the viewer submitted; a draft only for a child they recorded in it (a draft never
 * gives lasting sight of a child someone else recorded); never a child a manager added in a correction.
 */
function recordedBy(eb: OnChild, who: Who, only: Only) {
  return eb
    .selectFrom('incident_children as ic')
    .innerJoin('incidents as i', 'i.id', 'ic.incident_id')
    .innerJoin('children as rc', 'rc.id', 'ic.child_id')
    .select('ic.child_id')
    .where('i.created_by', '=', who)
    .where((inner) => inner.or([inner('ic.linked_by', 'is', null), inner('ic.linked_by', '=', who)]))
    .where((inner) => inner.or([inner('i.status', '=', 'submitted'), inner('rc.created_by', '=', who)]))
    .$if(only !== undefined, (query) => query.where('ic.child_id', '=', only!));
}

/** Children referred to a team the viewer is in (the front door). */
function referredTo(eb: OnChild, who: Who, only: Only) {
  return eb
    .selectFrom('referrals as rf')
    .innerJoin('team_members as rm', 'rm.team_id', 'rf.receiving_team_id')
    .select('rf.child_id')
    .where('rm.user_id', '=', who)
    .$if(only !== undefined, (query) => query.where('rf.child_id', '=', only!));
}

/** Children the viewer holds an unexpired, unrevoked grant for. */
function grantedTo(eb: OnChild, who: Who, only: Only) {
  return eb
    .selectFrom('access_grants as g')
    .select('g.child_id')
    .where('g.user_id', '=', who)
    .where('g.revoked_at', 'is', null)
    .where('g.expires_at', '>', new Date())
    .$if(only !== undefined, (query) => query.where('g.child_id', '=', only!));
}

/** Children the viewer is the lead or co-assessor of an AIM assessment in progress of. */
function assessedBy(eb: OnChild, who: Who, only: Only) {
  return eb
    .selectFrom('assessments as asm')
    .select('asm.child_id')
    .where('asm.status', '=', 'in_progress')
    .where((inner) => inner.or([inner('asm.lead_assessor_id', '=', who), inner('asm.co_assessor_id', '=', who)]))
    .$if(only !== undefined, (query) => query.where('asm.child_id', '=', only!));
}

/** Children whose open panel case the viewer is allocated to, or, for the panel's chair, every child referred to the panel. */
function onPanel(eb: OnChild, who: Who, roles: Roles, only: Only) {
  return eb
    .selectFrom('panel_referrals as pr')
    .select('pr.child_id')
    .where((inner) =>
      inner.or([
        inner.and([
          inner('pr.status', 'in', ['awaiting', 'accepted']),
          inner.or([inner('pr.lead_practitioner_id', '=', who), inner('pr.co_worker_id', '=', who)]),
        ]),
        roles === 'stored'
          ? inner.exists(
              inner
                .selectFrom('user_roles as ur')
                .select('ur.user_id')
                .where('ur.user_id', '=', who)
                .where('ur.role', '=', 'panel_chair'),
            )
          : inner.val(roles.includes('panel_chair')),
      ]),
    )
    .$if(only !== undefined, (query) => query.where('pr.child_id', '=', only!));
}

/** Children with an open task owed to a service the viewer works in, holding its role. */
function owedToService(eb: OnChild, who: Who, roles: Roles, only: Only) {
  return eb
    .selectFrom('tasks as st')
    .select('st.child_id')
    .where('st.status', '=', 'open')
    .where((inner) =>
      roles === 'stored'
        ? inner.exists(
            inner
              .selectFrom('user_roles as sr')
              .select('sr.user_id')
              .whereRef('sr.role', '=', 'st.owner_role')
              .where('sr.user_id', '=', who),
          )
        : inner('st.owner_role', 'in', roles),
    )
    .where((inner) =>
      inner.exists(
        inner
          .selectFrom('team_members as sm')
          .innerJoin('teams as stm', 'stm.id', 'sm.team_id')
          .select('sm.user_id')
          .where('sm.user_id', '=', who)
          .where(sql<boolean>`(st.owner_role, stm.kind) in (values ${SERVICE_PAIRS})`),
      ),
    )
    .$if(only !== undefined, (query) => query.where('st.child_id', '=', only!));
}

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
  return factsWhere(db, viewerIds, (eb) => eb('c.id', 'in', [...childIds]));
}

/**
 * One viewer's access facts about a child and about every child who shares an incident with it,
 * in one query: the record page decides its own access and whether each other child in its
 * incidents may be named from the same statement (ADR 0017). A child absent from the answer
 * (linked after this ran, or not existing) is one the viewer has no basis on.
 */
export async function childAndLinkedAccessFacts(
  db: Kysely<Database>,
  viewerId: string,
  childId: string,
): Promise<Map<string, ChildAccessFacts>> {
  // One IN over a union, not "the child OR a linked child": with the OR, PostgreSQL scanned every
  // child in the database (700 ms at 100,000 children); the union is two index lookups.
  const facts = await factsWhere(db, [viewerId], (eb) =>
    eb(
      'c.id',
      'in',
      sql<string>`(select ${childId}::uuid union select other.child_id from incident_children as mine
        join incident_children as other on other.incident_id = mine.incident_id where mine.child_id = ${childId}::uuid)`,
    ),
  );
  return facts.get(viewerId) ?? new Map();
}

async function factsWhere(
  db: Kysely<Database>,
  viewerIds: readonly string[],
  which: (eb: OnChild) => Expression<SqlBool>,
): Promise<Map<string, Map<string, ChildAccessFacts>>> {
  const rows = await db
    .selectFrom('children as c')
    .innerJoin('users as v', (j) => j.on('v.id', 'in', [...viewerIds]))
    .select((eb) => {
      const who = eb.ref('v.id');
      const only = eb.ref('c.id');
      return [
        'v.id as viewer_id',
        'c.id as child_id',
        'c.authority_id',
        'c.allocated_worker_id',
        'c.youth_justice_worker_id',
        eb('c.allocated_team_id', 'in', teamsOf(eb, who)).as('in_team'),
        managesAllocation(eb, who).as('manages'),
        eb.exists(recordedBy(eb, who, only)).as('recorded'),
        eb.exists(referredTo(eb, who, only)).as('referred'),
        eb.exists(grantedTo(eb, who, only)).as('granted'),
        eb.exists(assessedBy(eb, who, only)).as('assessing'),
        eb.exists(onPanel(eb, who, 'stored', only)).as('on_panel'),
        eb.exists(owedToService(eb, who, 'stored', only)).as('owing_service'),
      ];
    })
    .where((eb) => which(eb))
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

/**
 * The same rule as visibleTo, as the ids of every child the viewer may see: a union of one lookup per
 * basis, each on an index, instead of a test on every child in the table (ADR 0021). For counting:
 * 14,372 of 100,000 children counted in about 5 ms, not 31. `also` narrows every part of the union alike
 * (the list's own filters on `children as c`). A repository test checks it lists the same children as
 * visibleTo and decideChildAccess for every demo user.
 */
export function visibleChildIds(db: Kysely<Database>, viewer: Viewer, also?: (eb: OnChild) => Expression<SqlBool>) {
  const part = (arm: (eb: OnChild) => Expression<SqlBool>) =>
    db
      .selectFrom('children as c')
      .select('c.id')
      .where('c.authority_id', '=', viewer.authorityId)
      .where(arm)
      .$if(also !== undefined, (query) => query.where(also!));
  if (!worksWithCases(viewer.roles)) return part((eb) => eb.val(false));
  const services = viewer.roles.filter((role): role is Role => SERVICE_TEAMS[role] !== undefined);
  const teamAccess = hasTeamAccess(viewer.roles);
  // The bases that open a few children each, by id, in one lookup.
  const byId = part((eb) => {
    let ids = recordedBy(eb, viewer.id, undefined)
      .unionAll(grantedTo(eb, viewer.id, undefined))
      .unionAll(assessedBy(eb, viewer.id, undefined))
      .unionAll(onPanel(eb, viewer.id, viewer.roles, undefined));
    if (teamAccess) {
      ids = ids.unionAll(referredTo(eb, viewer.id, undefined));
      if (services.length) ids = ids.unionAll(owedToService(eb, viewer.id, services, undefined));
    }
    return eb('c.id', 'in', ids);
  });
  let all = part((eb) =>
    eb.or([eb('c.allocated_worker_id', '=', viewer.id), eb('c.youth_justice_worker_id', '=', viewer.id)]),
  ).union(byId);
  if (teamAccess) {
    // The allocated team (the teams a person manages are among the teams they are in, so this
    // covers the first half of managesAllocation too), then the workers of the teams they manage.
    all = all
      .union(part((eb) => eb('c.allocated_team_id', 'in', teamsOf(eb, viewer.id))))
      .union(part((eb) => eb('c.allocated_worker_id', 'in', workersManagedBy(eb, viewer.id))));
  }
  return all;
}

/** The need-to-know rule as a WHERE clause on `children as c` (mirrors decideChildAccess). */
export function visibleTo(viewer: Viewer) {
  return (eb: OnChild) => {
    if (!worksWithCases(viewer.roles)) return eb.val(false);
    const clauses = [
      eb('c.allocated_worker_id', '=', viewer.id),
      eb('c.youth_justice_worker_id', '=', viewer.id),
      eb('c.id', 'in', recordedBy(eb, viewer.id, undefined)),
      eb('c.id', 'in', grantedTo(eb, viewer.id, undefined)),
      eb('c.id', 'in', assessedBy(eb, viewer.id, undefined)),
      eb('c.id', 'in', onPanel(eb, viewer.id, viewer.roles, undefined)),
    ];
    if (hasTeamAccess(viewer.roles)) {
      const services = viewer.roles.filter((role): role is Role => SERVICE_TEAMS[role] !== undefined);
      if (services.length) clauses.push(eb('c.id', 'in', owedToService(eb, viewer.id, services, undefined)));
      clauses.push(
        eb('c.allocated_team_id', 'in', teamsOf(eb, viewer.id)),
        managesAllocation(eb, viewer.id),
        eb('c.id', 'in', referredTo(eb, viewer.id, undefined)),
      );
    }
    return eb.and([eb('c.authority_id', '=', viewer.authorityId), eb.or(clauses)]);
  };
}
