// The fixtures of the route matrix (test/web/action-matrix.test.ts): for each demo role, a
// "world" of records in Kent, and six people with that role standing in six relationships to it:
//   own            allocated to the child who harmed, in the allocated team, author of the
//                  incident and the draft, chair of the meeting, lead assessor, given the task
//   same-team      in the allocated team (managing it, for a team manager)
//   other-team     in another team of the same authority
//   other-authority the same role in Thurrock
//   grant-only     in another team, holding a read grant for the child who harmed
//   harmed-only    allocated to the child harmed, so seeing only that child
// The AIM Pathway Panel's referrals are North East Lincolnshire's, the pack with a panel, so its
// routes run the panel's real rules: each world has its panel part there, with six people of the
// role standing in the same relationships to its children (the other authority being Kent).
// Records are written through the repositories (no rule of the services applies here: the matrix
// tests those rules), so every relationship is exactly what its name says.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type AccessBasis, type ChildAccessFacts, childAccessBases } from '../../src/domain/access.ts';
import { ROLES, type Role } from '../../src/domain/roles.ts';
import type { Database } from '../../src/db/types.ts';
import { DEMO_PASSWORD, demoEmail } from '../../src/cli/demo-data.ts';
import { accessFacts } from '../../src/repositories/access.ts';
import { insertAssessment } from '../../src/repositories/assessments.ts';
import { insertChild, type ChildFields } from '../../src/repositories/children.ts';
import { insertGrant } from '../../src/repositories/grants.ts';
import { insertDraftIncident, markSubmitted, upsertIncidentChild } from '../../src/repositories/incidents.ts';
import { insertMeeting } from '../../src/repositories/meetings.ts';
import { insertPanelReferral } from '../../src/repositories/panel-referrals.ts';
import { insertReferral } from '../../src/repositories/referrals.ts';
import { decideScreening, insertScreening } from '../../src/repositories/screenings.ts';
import { insertApiToken } from '../../src/repositories/settings.ts';
import { insertTask } from '../../src/repositories/tasks.ts';
import { insertTeam } from '../../src/repositories/teams.ts';
import { insertUser } from '../../src/repositories/users.ts';
import { hashPassword } from '../../src/services/auth-service.ts';

export const RELATIONSHIPS = [
  'own',
  'same-team',
  'other-team',
  'other-authority',
  'grant-only',
  'harmed-only',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** One of each demo role: every role there is. */
export const MATRIX_ROLES: readonly Role[] = ROLES;

export interface Person {
  id: string;
  email: string;
  role: Role;
  relationship: Relationship;
  authorityId: string;
}

/** The panel's referrals, in North East Lincolnshire, and the people who stand to their children as in the world. */
export interface PanelWorld {
  people: Record<Relationship, Person>;
  childWhoHarmed: string;
  /** A second child who harmed, allocated as the first: the one whose referral the panel accepted. */
  panelChild: string;
  awaiting: string;
  accepted: string;
  closed: string;
}

export interface World {
  role: Role;
  people: Record<Relationship, Person>;
  /** Accounts an administrator acts on, one per relationship (the person themselves when own). */
  targets: Record<Relationship, string>;
  childWhoHarmed: string;
  childHarmed: string;
  incident: string;
  draft: string;
  screening: string;
  decidedScreening: string;
  referral: string;
  /** Owed by this world's role and given to `own`, arranging a strategy discussion. */
  ownRoleTask: string;
  /** Owed by another role, given to nobody. */
  otherRoleTask: string;
  meeting: string;
  /** A meeting shared with Thurrock: the child harmed is Thurrock's responsibility, and Thurrock chairs (R-KEN-6). */
  sharedMeeting: string;
  /** A partner invited without an account to each meeting, whose invitation can be changed (issue 15). */
  meetingPartner: { own: string; shared: string };
  assessment: string;
  /** Plans on the child who harmed's record, owned by `own`: a draft, and one agreed (version 1). */
  plans: { draft: string; agreed: string };
  /** A case note on the child who harmed's record, written by `own`. */
  note: string;
  /** A school on the child who harmed's family and network, and an alert on the record, added by `own` (issue 15). */
  familyMember: string;
  alert: string;
  /** A document (a small PDF) on the child who harmed's record, uploaded by `own` (who may remove it). */
  document: string;
  panel: PanelWorld;
  grantToEnd: string;
  holiday: string;
  apiToken: string;
  /** A role change waiting for approval on each target account, proposed by the demo administrator. */
  roleChanges: Record<Relationship, string>;
}

const KENT = 'kent';
const THURROCK = 'thurrock';
/** The authority whose procedure has the AIM Pathway Panel (R-NEL-10..12). */
export const PANEL_AUTHORITY = 'north-east-lincolnshire';

function child(first: string, last: string, dob: string): ChildFields {
  return {
    firstName: first,
    lastName: last,
    otherNames: '',
    dateOfBirth: dob,
    sex: 'female',
    ethnicity: '',
    send: false,
    sendDetails: '',
    developmentalAge: null,
    lookedAfter: false,
    schoolOrSetting: 'Matrix School',
    homeArea: '',
    personId: '',
    nhsNumber: '',
  };
}

async function demoUser(db: Kysely<Database>, authority: string, role: string) {
  return (
    await db.selectFrom('users').select('id').where('email', '=', demoEmail(authority, role)).executeTakeFirstOrThrow()
  ).id;
}

export async function buildWorlds(db: Kysely<Database>): Promise<World[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const kentAdmin = await demoUser(db, KENT, 'administrator');
  const kentAim = await demoUser(db, KENT, 'aim_practitioner');
  const kentWorkerB = await demoUser(db, KENT, 'social-worker-b');
  const thurrockChair = await demoUser(db, THURROCK, 'team_manager');
  const otherTeam = await insertTeam(db, {
    authorityId: KENT,
    name: 'Matrix other team',
    kind: 'social_work',
    parentTeamId: null,
  });
  const harmedTeam = await insertTeam(db, {
    authorityId: KENT,
    name: 'Matrix harmed team',
    kind: 'social_work',
    parentTeamId: null,
  });
  const thurrockTeam = await insertTeam(db, {
    authorityId: THURROCK,
    name: 'Matrix team',
    kind: 'social_work',
    parentTeamId: null,
  });
  const panelTeams = {
    other: await insertTeam(db, {
      authorityId: PANEL_AUTHORITY,
      name: 'Matrix other team',
      kind: 'social_work',
      parentTeamId: null,
    }),
    harmed: await insertTeam(db, {
      authorityId: PANEL_AUTHORITY,
      name: 'Matrix harmed team',
      kind: 'social_work',
      parentTeamId: null,
    }),
  };
  const worlds: World[] = [];

  for (const role of MATRIX_ROLES) {
    const slug = role.replace(/_/g, '-');
    const team = await insertTeam(db, {
      authorityId: KENT,
      name: `Matrix team for ${slug}`,
      kind: 'social_work',
      parentTeamId: null,
    });
    const manages = role === 'team_manager';
    const teamFor: Record<Relationship, { id: string; manager: boolean }> = {
      own: { id: team, manager: manages },
      'same-team': { id: team, manager: manages },
      'other-team': { id: otherTeam, manager: false },
      'other-authority': { id: thurrockTeam, manager: false },
      'grant-only': { id: otherTeam, manager: false },
      'harmed-only': { id: harmedTeam, manager: false },
    };
    const people = {} as Record<Relationship, Person>;
    const targets = {} as Record<Relationship, string>;
    for (const relationship of RELATIONSHIPS) {
      const authorityId = relationship === 'other-authority' ? THURROCK : KENT;
      const email = `m-${slug}-${relationship}@${authorityId}.example`;
      const t = teamFor[relationship];
      const id = await insertUser(
        db,
        {
          authorityId,
          email,
          displayName: `Matrix ${slug} ${relationship}`,
          jobTitle: '',
          agency: '',
          active: true,
          roles: [role],
          trainings: [{ training: 'aim2', completedOn: '2024-01-01' }],
          teams: [{ teamId: t.id, isManager: t.manager }],
        },
        hash,
        false,
      );
      people[relationship] = { id, email, role, relationship, authorityId };
      targets[relationship] =
        relationship === 'own'
          ? id
          : await insertUser(
              db,
              {
                authorityId: KENT,
                email: `t-${slug}-${relationship}@kent.example`,
                displayName: `Target ${slug} ${relationship}`,
                jobTitle: '',
                agency: '',
                active: true,
                roles: [role === 'administrator' || role === 'auditor' ? role : 'social_worker'],
                trainings: [],
                teams: [],
              },
              hash,
              false,
            );
    }
    const own = people.own.id;
    const childWhoHarmed = await insertChild(db, {
      authorityId: KENT,
      createdBy: own,
      fields: child('Harmer', `M${slug}`, '2012-03-04'),
      allocatedTeamId: team,
      allocatedWorkerId: own,
    });
    const childHarmed = await insertChild(db, {
      authorityId: KENT,
      createdBy: own,
      fields: child('Harmed', `M${slug}`, '2014-05-06'),
      allocatedTeamId: harmedTeam,
      allocatedWorkerId: people['harmed-only'].id,
    });

    const incident = await insertDraftIncident(db, {
      authorityId: KENT,
      createdBy: own,
      completedByName: 'Matrix',
      completedByRole: '',
    });
    await upsertIncidentChild(db, { incidentId: incident, childId: childWhoHarmed, role: 'displayed', ownWords: '' });
    await upsertIncidentChild(db, { incidentId: incident, childId: childHarmed, role: 'targeted', ownWords: '' });
    await db
      .updateTable('incidents')
      .set({ occurred_at: new Date('2026-11-20T10:00:00Z'), behaviour: 'Matrix behaviour.' })
      .where('id', '=', incident)
      .execute();
    await markSubmitted(db, incident, 1, own);
    const draft = await insertDraftIncident(db, {
      authorityId: KENT,
      createdBy: own,
      completedByName: 'Matrix',
      completedByRole: '',
    });
    await upsertIncidentChild(db, { incidentId: draft, childId: childWhoHarmed, role: 'displayed', ownWords: '' });

    const screeningRow = {
      authorityId: KENT,
      incidentId: incident,
      childId: childWhoHarmed,
      packId: KENT,
      packVersion: 'matrix',
      toolId: 'carson',
      answers: { ratings: {} },
      facts: { significant_harm: true, youth_justice: false, open_case: false, other_children_at_risk: true },
      suggestedLevel: 'harmful',
      suggestedScale: 'abusive',
      reasons: [],
      ageRules: {},
      createdBy: own,
    };
    const screening = await insertScreening(db, screeningRow);
    const decidedScreening = await insertScreening(db, screeningRow);
    await decideScreening(db, decidedScreening, {
      level: 'harmful',
      levelLabel: 'Harmful',
      agreed: true,
      rationale: 'Matrix.',
      decidedBy: own,
      decisionDate: '2026-11-21',
    });
    const referral = (await insertReferral(db, {
      authorityId: KENT,
      incidentId: incident,
      childId: childWhoHarmed,
      screeningId: decidedScreening,
      receivingTeamId: team,
      dueOn: '2026-12-02',
      createdBy: own,
    }))!;
    const task = (ownerRole: string, assignedTo: string | null, arranges: string | null, stepId: string) =>
      insertTask(db, {
        authorityId: KENT,
        childId: childWhoHarmed,
        incidentId: incident,
        screeningId: decidedScreening,
        stepId,
        title: `Matrix ${stepId}`,
        detail: '',
        kind: 'do',
        ownerRole,
        assignedTo,
        dueOn: null,
        dueRule: '',
        clause: 'kent §8',
        requirementId: 'R-KEN-6',
        arranges,
      });
    const ownRoleTask = await task(role, own, 'strategy-discussion', 'matrix-own');
    const otherRoleTask = await task(
      role === 'front_door' ? 'social_worker' : 'front_door',
      null,
      null,
      'matrix-other',
    );

    const meetingOf = (chairId: string, chairAuthorityId: string, harmedAuthority: string) =>
      insertMeeting(db, {
        authorityId: KENT,
        incidentId: incident,
        typeId: 'strategy-discussion',
        typeLabel: 'Strategy discussion',
        packVersion: 'matrix',
        taskId: null,
        dueOn: null,
        chairId,
        chairAuthorityId,
        chairRule: 'Matrix',
        agenda: [],
        exclusions: [],
        schedule: null,
        createdBy: own,
        children: [
          { childId: childWhoHarmed, role: 'displayed', responsibleAuthorityId: KENT },
          { childId: childHarmed, role: 'targeted', responsibleAuthorityId: harmedAuthority },
        ],
        invitees: [
          {
            inviteeId: 'chair',
            roleLabel: 'Chair',
            reason: '',
            clause: '',
            requirementId: '',
            mode: 'invite',
            name: 'Chair',
            agency: '',
            userId: chairId,
          },
          {
            inviteeId: 'partner',
            roleLabel: 'School nurse',
            reason: '',
            clause: '',
            requirementId: '',
            mode: 'invite',
            name: 'Matrix partner',
            agency: '',
            userId: null,
          },
        ],
      });
    const meeting = await meetingOf(own, KENT, KENT);
    const sharedMeeting = await meetingOf(thurrockChair, THURROCK, THURROCK);
    const partnerAt = async (meetingId: string) =>
      (
        await db
          .selectFrom('meeting_invitees')
          .select('id')
          .where('meeting_id', '=', meetingId)
          .where('invitee_id', '=', 'partner')
          .executeTakeFirstOrThrow()
      ).id;
    const meetingPartner = { own: await partnerAt(meeting), shared: await partnerAt(sharedMeeting) };

    const assessment = await insertAssessment(db, {
      authorityId: KENT,
      childId: childWhoHarmed,
      model: 'aim2',
      modelName: 'AIM2',
      packVersion: 'matrix',
      clause: 'kent §13',
      requirementId: 'R-KEN-11',
      leadAssessorId: own,
      coAssessorId: kentAim,
      mode: 'full',
      modeReason: '',
      checks: {
        appropriateAdult: 'none',
        appropriateAdultReason: '',
        prosecutionLikely: false,
        denies: false,
        legalRepAgreed: null,
        participates: true,
      },
      createdBy: own,
    });
    const planOf = async (status: 'draft' | 'agreed') => {
      const { id } = await db
        .insertInto('plans')
        .values({
          authority_id: KENT,
          child_id: childWhoHarmed,
          pack_id: KENT,
          kind: 'home-safety',
          kind_name: 'Home safety plan',
          owner_id: own,
          created_by: own,
          updated_by: own,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (status === 'agreed') {
        await db
          .updateTable('plans')
          .set({ status: 'agreed', agreed_by: own, agreed_at: new Date(), next_review_on: '2031-01-01' })
          .where('id', '=', id)
          .execute();
        await db
          .insertInto('plan_versions')
          .values({
            plan_id: id,
            number: 1,
            contents: '{}',
            owner_id: own,
            agreed_by: own,
            next_review_on: '2031-01-01',
          })
          .execute();
      }
      return id;
    };
    const plans = { draft: await planOf('draft'), agreed: await planOf('agreed') };
    const { id: note } = await db
      .insertInto('case_notes')
      .values({
        authority_id: KENT,
        child_id: childWhoHarmed,
        kind: 'visit',
        happened_on: '2026-01-05',
        words: 'Matrix note',
        written_by: own,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: familyMember } = await db
      .insertInto('child_network')
      .values({ authority_id: KENT, child_id: childWhoHarmed, kind: 'school', name: 'Matrix school', added_by: own })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: alert } = await db
      .insertInto('child_alerts')
      .values({ authority_id: KENT, child_id: childWhoHarmed, words: 'Matrix alert', added_by: own })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');
    const { id: document } = await db
      .insertInto('documents')
      .values({
        authority_id: KENT,
        child_id: childWhoHarmed,
        kind: 'school_report',
        title: 'Matrix document',
        file_name: 'matrix.pdf',
        content_type: 'application/pdf',
        size_bytes: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        content: pdf,
        scan_result: 'not_scanned',
        uploaded_by: own,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const panel = await panelWorld(db, { role, slug, hash, kentPerson: people.own, teams: panelTeams });

    await insertGrant(db, {
      userId: people['grant-only'].id,
      childId: childWhoHarmed,
      reason: 'Matrix read grant',
      grantedBy: kentAdmin,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
    const grantToEnd = await insertGrant(db, {
      userId: kentWorkerB,
      childId: childWhoHarmed,
      reason: 'Matrix grant to end',
      grantedBy: kentAdmin,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
    const apiToken = await insertApiToken(db, {
      authorityId: KENT,
      name: `Matrix ${slug}`,
      tokenHash: `matrix-${slug}-${Date.now()}`,
      prefix: 'hsbp_matrix',
      createdBy: kentAdmin,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const roleChanges = {} as Record<Relationship, string>;
    for (const relationship of RELATIONSHIPS) {
      const userId = targets[relationship];
      const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map(
        (r) => r.role,
      );
      const row = await db
        .insertInto('role_change_requests')
        .values({
          authority_id: KENT,
          user_id: userId,
          roles_before: roles,
          roles_after: roles,
          proposed_by: kentAdmin,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      roleChanges[relationship] = row.id;
    }
    worlds.push({
      role,
      people,
      targets,
      childWhoHarmed,
      childHarmed,
      incident,
      draft,
      screening,
      decidedScreening,
      referral,
      ownRoleTask,
      otherRoleTask,
      meeting,
      sharedMeeting,
      meetingPartner,
      assessment,
      plans,
      note,
      familyMember,
      alert,
      document,
      panel,
      grantToEnd,
      holiday: `2031-06-${String(3 + MATRIX_ROLES.indexOf(role)).padStart(2, '0')}`,
      apiToken,
      roleChanges,
    });
  }
  return worlds;
}

/**
 * The world's panel part, in North East Lincolnshire: the six relationships to a child who harmed
 * (and to a second, whose referral the panel accepted; a child has one referral before the panel at
 * a time), and a closed, an awaiting and an accepted referral.
 */
async function panelWorld(
  db: Kysely<Database>,
  world: {
    role: Role;
    slug: string;
    hash: string;
    kentPerson: Person;
    teams: { other: string; harmed: string };
  },
): Promise<PanelWorld> {
  const { role, slug, hash } = world;
  const admin = await demoUser(db, PANEL_AUTHORITY, 'administrator');
  const coWorker = await demoUser(db, PANEL_AUTHORITY, 'aim_practitioner');
  const team = await insertTeam(db, {
    authorityId: PANEL_AUTHORITY,
    name: `Matrix team for ${slug}`,
    kind: 'social_work',
    parentTeamId: null,
  });
  const manages = role === 'team_manager';
  const teamFor: Record<Relationship, { id: string; manager: boolean } | null> = {
    own: { id: team, manager: manages },
    'same-team': { id: team, manager: manages },
    'other-team': { id: world.teams.other, manager: false },
    'other-authority': null,
    'grant-only': { id: world.teams.other, manager: false },
    'harmed-only': { id: world.teams.harmed, manager: false },
  };
  const people = {} as Record<Relationship, Person>;
  for (const relationship of RELATIONSHIPS) {
    // The same role in another authority: the Kent world's own person.
    if (relationship === 'other-authority') {
      people[relationship] = { ...world.kentPerson, relationship };
      continue;
    }
    const email = `m-panel-${slug}-${relationship}@${PANEL_AUTHORITY}.example`;
    const t = teamFor[relationship]!;
    const id = await insertUser(
      db,
      {
        authorityId: PANEL_AUTHORITY,
        email,
        displayName: `Matrix panel ${slug} ${relationship}`,
        jobTitle: '',
        agency: '',
        active: true,
        roles: [role],
        trainings: [{ training: 'aim3', completedOn: '2024-01-01' }],
        teams: [{ teamId: t.id, isManager: t.manager }],
      },
      hash,
      false,
    );
    people[relationship] = { id, email, role, relationship, authorityId: PANEL_AUTHORITY };
  }
  const own = people.own.id;
  const allocated = async (first: string, dob: string, teamId: string, workerId: string) =>
    insertChild(db, {
      authorityId: PANEL_AUTHORITY,
      createdBy: own,
      fields: child(first, `M${slug}`, dob),
      allocatedTeamId: teamId,
      allocatedWorkerId: workerId,
    });
  const childWhoHarmed = await allocated('Harmer', '2012-03-04', team, own);
  const childHarmed = await allocated('Harmed', '2014-05-06', world.teams.harmed, people['harmed-only'].id);
  const panelChild = await allocated('Panel', '2011-03-04', team, own);
  const incident = await insertDraftIncident(db, {
    authorityId: PANEL_AUTHORITY,
    createdBy: own,
    completedByName: 'Matrix',
    completedByRole: '',
  });
  await upsertIncidentChild(db, { incidentId: incident, childId: childWhoHarmed, role: 'displayed', ownWords: '' });
  await upsertIncidentChild(db, { incidentId: incident, childId: childHarmed, role: 'targeted', ownWords: '' });
  await markSubmitted(db, incident, 1, own);
  for (const childId of [childWhoHarmed, panelChild])
    await insertGrant(db, {
      userId: people['grant-only'].id,
      childId,
      reason: 'Matrix read grant',
      grantedBy: admin,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
    });
  const referral = (childId: string) =>
    insertPanelReferral(db, {
      authorityId: PANEL_AUTHORITY,
      childId,
      kind: 'assessment',
      referringService: 'childrens_services',
      assessmentType: 'Matrix',
      assessmentSummary: 'Matrix',
      harm: 'displayed',
      childConsent: true,
      parentConsent: true,
      consentExploration: '',
      policeInvestigation: false,
      chargeLikely: null,
      denies: null,
      leadProfessional: 'referrer',
      informationGatheringOnly: false,
      approaching18: false,
      referredBy: own,
    });
  const closed = await referral(childWhoHarmed);
  await db
    .updateTable('panel_referrals')
    .set({ status: 'closed', closed_on: '2026-11-30', closed_by: own })
    .where('id', '=', closed)
    .execute();
  const awaiting = await referral(childWhoHarmed);
  const accepted = await referral(panelChild);
  await db
    .updateTable('panel_referrals')
    .set({
      status: 'accepted',
      route: 'assessment_and_intervention',
      lead_practitioner_id: own,
      co_worker_id: coWorker,
      next_review_on: '2027-02-01',
    })
    .where('id', '=', accepted)
    .execute();
  return { people, childWhoHarmed, panelChild, awaiting, accepted, closed };
}

/** Every basis this person has on each of these children (production's own rule: its agreement with SQL is tested elsewhere). */
export async function basesOf(
  db: Kysely<Database>,
  p: Person,
  childIds: readonly string[],
): Promise<Map<string, AccessBasis[]>> {
  const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', p.id).execute()).map(
    (r) => r.role as Role,
  );
  const facts = (await accessFacts(db, [p.id], childIds)).get(p.id) ?? new Map<string, ChildAccessFacts>();
  return new Map(
    childIds.map((c) => [
      c,
      ((f) => (f ? childAccessBases({ id: p.id, authorityId: p.authorityId, roles }, f) : []))(facts.get(c)),
    ]),
  );
}
