import { readFileSync } from 'node:fs';
// Demo data for the five authorities: teams, one user for each role, and fictional children
// and incidents. Nothing here resembles a real person: names are invented and e-mail
// addresses use the reserved .example domain.
import { referOptions, refer as referToPanel } from '../services/panel-service.ts';
import { planOptions, plan as planAssessment } from '../services/assessment-service.ts';
import type { Role, Training } from '../domain/roles.ts';
import { isoDate, londonToday } from '../domain/age.ts';
import { isValidNhsNumber, normaliseNhsNumber } from '../domain/identifiers.ts';
import { appendAuditEvent } from '../repositories/audit.ts';
import * as authorities from '../repositories/authorities.ts';
import * as teams from '../repositories/teams.ts';
import * as users from '../repositories/users.ts';
import { hashPassword, loadCurrentUser } from '../services/auth-service.ts';
import * as childService from '../services/child-service.ts';
import { type Actor, type Db, transaction } from '../services/context.ts';
import * as incidentService from '../services/incident-service.ts';
import { emptyNetworkInput } from '../domain/family.ts';
import * as familyService from '../services/family-service.ts';
import * as noteService from '../services/note-service.ts';
import * as documentService from '../services/document-service.ts';
import { NO_SCANNER } from '../services/upload-scanner.ts';
import * as planService from '../services/plan-service.ts';
import { decide, packFor, recordAnswers } from '../services/screening-service.ts';
import { arrange, arrangeOptions } from '../services/meeting-service.ts';
import { decide as decideReferral, makeReferrals, referrerFromAccount } from '../services/referral-service.ts';
import { sectionBySlug } from '../domain/recording-form.ts';
import { addChronologyEntry } from '../repositories/chronology.ts';

export const DEMO_PASSWORD = 'demo-pathway-2026';

export const AUTHORITIES = [
  { id: 'kent', name: 'Kent County Council', shortName: 'Kent' },
  { id: 'thurrock', name: 'Thurrock Council', shortName: 'Thurrock' },
  { id: 'north-yorkshire', name: 'North Yorkshire Council', shortName: 'North Yorkshire' },
  { id: 'north-east-lincolnshire', name: 'North East Lincolnshire Council', shortName: 'North East Lincolnshire' },
  { id: 'islington', name: 'Islington Council', shortName: 'Islington' },
] as const;

const TEAMS = [
  { key: 'front', name: 'Front Door', kind: 'front_door' },
  { key: 'swA', name: 'Children’s Social Work Team A', kind: 'social_work' },
  { key: 'swB', name: 'Children’s Social Work Team B', kind: 'social_work' },
  { key: 'yj', name: 'Youth Justice Service', kind: 'youth_justice' },
  { key: 'hsb', name: 'Specialist HSB Service', kind: 'specialist' },
  { key: 'school', name: 'Meadowbank Academy safeguarding team', kind: 'school' },
  { key: 'police', name: 'Police child protection unit', kind: 'police' },
] as const;
type TeamKey = (typeof TEAMS)[number]['key'];

const EMAIL_PART: Record<Role, string> = {
  dsl: 'dsl',
  front_door: 'front-door',
  social_worker: 'social-worker',
  team_manager: 'team-manager',
  youth_justice: 'youth-justice',
  aim_practitioner: 'aim-practitioner',
  panel_chair: 'panel-chair',
  cse_coordinator: 'cse-coordinator',
  partner: 'police',
  administrator: 'admin',
  auditor: 'auditor',
};

const DEMO_USERS: {
  role: Role;
  email: string;
  title: string;
  agency: string;
  teams: { key: TeamKey; manager?: boolean }[];
  trainings: Training[];
}[] = [
  {
    role: 'dsl',
    email: 'dsl',
    title: 'Designated safeguarding lead',
    agency: 'Meadowbank Academy',
    teams: [{ key: 'school' }],
    trainings: ['brook_traffic_light'],
  },
  {
    role: 'front_door',
    email: 'front-door',
    title: 'Front door practitioner',
    agency: 'Children’s Services',
    teams: [{ key: 'front' }],
    trainings: [],
  },
  {
    role: 'social_worker',
    email: 'social-worker',
    title: 'Social worker',
    agency: 'Children’s Services',
    teams: [{ key: 'swA' }],
    trainings: ['brook_traffic_light'],
  },
  {
    role: 'social_worker',
    email: 'social-worker-b',
    title: 'Social worker',
    agency: 'Children’s Services',
    teams: [{ key: 'swB' }],
    trainings: [],
  },
  {
    role: 'team_manager',
    email: 'team-manager',
    title: 'Team manager',
    agency: 'Children’s Services',
    teams: [
      { key: 'swA', manager: true },
      { key: 'front', manager: true },
    ],
    trainings: [],
  },
  {
    role: 'youth_justice',
    email: 'youth-justice',
    title: 'Youth justice worker',
    agency: 'Youth Justice Service',
    teams: [{ key: 'yj' }],
    trainings: ['aim2'],
  },
  {
    role: 'aim_practitioner',
    email: 'aim-practitioner',
    title: 'AIM practitioner',
    agency: 'Specialist HSB Service',
    teams: [{ key: 'hsb' }],
    trainings: ['aim_under_12', 'aim2', 'aim3'],
  },
  {
    role: 'panel_chair',
    email: 'panel-chair',
    title: 'Panel chair',
    agency: 'Children’s Services',
    teams: [{ key: 'hsb', manager: true }],
    trainings: ['aim3'],
  },
  {
    role: 'cse_coordinator',
    email: 'cse-coordinator',
    title: 'CSE, missing and trafficking coordinator',
    agency: 'Children’s Services',
    teams: [{ key: 'hsb' }],
    trainings: [],
  },
  {
    role: 'partner',
    email: 'police',
    title: 'Detective constable',
    agency: 'Police',
    teams: [{ key: 'police' }],
    trainings: [],
  },
  {
    role: 'administrator',
    email: 'admin',
    title: 'System administrator',
    agency: 'Council IT',
    teams: [],
    trainings: [],
  },
  {
    role: 'auditor',
    email: 'auditor',
    title: 'Information governance officer',
    agency: 'Council',
    teams: [],
    trainings: [],
  },
];

export function demoEmail(authorityId: string, role: string): string {
  const part = (EMAIL_PART as Record<string, string>)[role] ?? role;
  return `${part}@${authorityId}.example`;
}

// Invented names, deliberately plain; surnames are trees and rivers.
const CHILDREN = [
  { first: 'Ellis', last: 'Hawthorn', sex: 'male', age: 14, school: 'Meadowbank Academy', area: 'Riverside ward' },
  { first: 'Maya', last: 'Larchwood', sex: 'female', age: 13, school: 'Meadowbank Academy', area: 'Riverside ward' },
  { first: 'Toby', last: 'Alderbrook', sex: 'male', age: 9, school: 'Brookfield Primary', area: 'Hillside ward' },
  { first: 'Isla', last: 'Rowanford', sex: 'female', age: 8, school: 'Brookfield Primary', area: 'Hillside ward' },
  {
    first: 'Kai',
    last: 'Willowmere',
    sex: 'male',
    age: 16,
    school: 'Meadowbank Academy',
    area: 'Old Town ward',
    send: 10,
  },
  { first: 'Sienna', last: 'Birchley', sex: 'female', age: 15, school: 'Meadowbank Academy', area: 'Old Town ward' },
];

function dobForAge(age: number, offsetDays: number, today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate()));
  date.setUTCDate(date.getUTCDate() - offsetDays);
  return isoDate(date);
}

export async function isSeeded(db: Db): Promise<boolean> {
  return (await authorities.listAuthorities(db)).length > 0;
}

/** Loads the demo data into an empty database. Returns the e-mail addresses created. */
export async function seedDemo(db: Db, opts: { withCases?: boolean } = {}): Promise<string[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails: string[] = [];
  for (const authority of AUTHORITIES) {
    const teamIds = new Map<TeamKey, string>();
    const userIds = new Map<string, string>();
    await transaction(db, async (trx) => {
      await trx
        .insertInto('authorities')
        .values({ id: authority.id, name: authority.name, short_name: authority.shortName })
        .execute();
      for (const team of TEAMS)
        teamIds.set(
          team.key,
          await teams.insertTeam(trx, {
            authorityId: authority.id,
            name: team.name,
            kind: team.kind,
            parentTeamId: null,
          }),
        );
      for (const demoUser of DEMO_USERS) {
        const email = `${demoUser.email}@${authority.id}.example`;
        const id = await users.insertUser(
          trx,
          {
            authorityId: authority.id,
            email,
            displayName:
              `${authority.shortName} ` +
              `${demoUser.email.replace(/-/g, ' ').replace(/\bb$/, 'B').replace('dsl', 'DSL').replace('aim', 'AIM').replace('cse', 'CSE')}`,
            jobTitle: demoUser.title,
            agency: demoUser.agency,
            active: true,
            roles: [demoUser.role],
            trainings: demoUser.trainings.map((training) => ({ training, completedOn: '2024-09-01' })),
            teams: demoUser.teams.map((membership) => ({
              teamId: teamIds.get(membership.key)!,
              isManager: membership.manager ?? false,
            })),
          },
          passwordHash,
          // The demo password is published in the README: demo accounts keep it.
          false,
        );
        userIds.set(demoUser.email, id);
        emails.push(email);
      }
      await appendAuditEvent(trx, {
        authorityId: authority.id,
        userId: null,
        action: 'demo.seed',
        entityType: 'authority',
        entityId: authority.id,
        outcome: 'ok',
        details: { users: DEMO_USERS.length },
      });
    });
    if (opts.withCases === false) continue;
    await seedCases(db, authority.id, teamIds, userIds);
  }
  return emails;
}

async function actorFor(db: Db, userId: string): Promise<Actor> {
  const user = await loadCurrentUser(db, userId);
  if (!user) throw new Error('demo user missing');
  return { user, ip: '127.0.0.1', requestId: 'demo-seed' };
}

function childFields(child: (typeof CHILDREN)[number], i: number, authorityId: string) {
  return {
    firstName: child.first,
    lastName: child.last,
    otherNames: '',
    dateOfBirth: dobForAge(child.age, 40 + i * 37),
    sex: child.sex,
    ethnicity: '',
    send: child.send !== undefined,
    sendDetails:
      child.send !== undefined ? 'Moderate learning difficulty; education, health and care plan in place' : '',
    developmentalAge: child.send ?? null,
    lookedAfter: i === 4,
    schoolOrSetting: child.school,
    homeArea: child.area,
    personId: `${authorityId.slice(0, 3).toUpperCase()}${100200 + i}`,
    nhsNumber: demoNhsNumber(authorityId, i),
  };
}

/**
 * A fictional NHS number for a demo child: in the 999 range, which is never issued to a person,
 * with a valid check digit (so the record's form accepts it), different for each authority and child.
 */
export function demoNhsNumber(authorityId: string, i: number): string {
  const authority = AUTHORITIES.findIndex((one) => one.id === authorityId);
  for (let serial = (authority + 1) * 100_000 + i * 100; ; serial += 1) {
    const digits = `999${String(serial).padStart(6, '0')}`;
    for (let check = 0; check <= 9; check += 1)
      if (isValidNhsNumber(`${digits}${check}`)) return normaliseNhsNumber(`${digits}${check}`);
  }
}

const INCIDENTS = [
  {
    children: [
      [0, 'displayed', 'He said "it was just a joke, everyone does it".'],
      [1, 'targeted', 'She said "I told him to stop and he kept sending them".'],
    ],
    daysAgo: 12,
    location: 'online',
    tech: 'yes',
    behaviour:
      'Sent repeated sexualised messages and a sexual image to a younger pupil over a messaging app after she asked him to stop.',
  },
  {
    children: [
      [2, 'displayed', ''],
      [3, 'targeted', 'She said "he made me show him in the toilets".'],
    ],
    daysAgo: 5,
    location: 'school',
    tech: 'no',
    behaviour:
      'Persuaded a younger child to expose herself in the school toilets; a lunchtime supervisor heard them and intervened.',
  },
] as const;

async function seedCases(db: Db, authorityId: string, teamIds: Map<TeamKey, string>, userIds: Map<string, string>) {
  const manager = await actorFor(db, userIds.get('team-manager')!);
  const dsl = await actorFor(db, userIds.get('dsl')!);
  const childIds: string[] = [];
  // The school's DSL records two incidents, adding the children as they go.
  for (const inc of INCIDENTS) {
    const id = await incidentService.startDraft(db, dsl);
    for (const [index, role, words] of inc.children) {
      const childId = await childService.createChild(db, dsl, {
        fields: childFields(CHILDREN[index]!, index, authorityId),
        teamId: null,
        incidentId: id,
        role,
      });
      childIds[index] = childId;
      await incidentService.linkChild(db, dsl, id, { childId, role, ownWords: words });
    }
    const when = new Date(Date.now() - inc.daysAgo * 86_400_000);
    when.setUTCHours(13, 15, 0, 0);
    const draft = await incidentService.getDraft(db, dsl, id);
    await incidentService.saveSection(db, dsl, id, draft.version, sectionBySlug('when-and-where')!, {
      occurred_at: when,
      location_type: inc.location,
      location_area: 'Riverside ward',
      technology_assisted: inc.tech,
      completed_by_relation: 'told',
      behaviour: inc.behaviour,
      context_planning: 'planned',
      context_factors: ['coercion'],
      power_imbalance: ['age'],
      other_actions: 'Parents of both children informed the same day. Advice sought from the Front Door.',
    });
    const ready = await incidentService.getDraft(db, dsl, id);
    await incidentService.submit(db, dsl, id, ready.version);
  }
  // The front door has passed the first four children to Team A (the referral step comes with
  // the multi-agency capability); the first pair have allocated workers, a different one each
  // (R-KEN-6, kent §8: never the same worker for the child who harmed and the child harmed).
  await transaction(db, async (trx) => {
    const workers = [userIds.get('social-worker')!, userIds.get('social-worker-b')!];
    for (const [i, childId] of childIds.entries()) {
      const workerId = i < 2 ? workers[i]! : null;
      const teamId = teamIds.get(i === 1 ? 'swB' : 'swA')!;
      await trx
        .updateTable('children')
        .set({ allocated_team_id: teamId, allocated_worker_id: workerId })
        .where('id', '=', childId)
        .execute();
      await addChronologyEntry(trx, {
        childId,
        occurredAt: new Date(),
        recordedBy: manager.user.id,
        kind: 'allocation',
        summary: 'Allocated after the front door referral (demo data)',
      });
      await appendAuditEvent(trx, {
        authorityId,
        userId: manager.user.id,
        action: 'child.allocate',
        entityType: 'child',
        entityId: childId,
        outcome: 'ok',
        ip: '127.0.0.1',
        requestId: 'demo-seed',
        details: { workerId, teamId },
      });
    }
  });
  // Two more children known to the front door, with no incident yet.
  for (const index of [4, 5]) {
    await childService.createChild(db, manager, {
      teamId: teamIds.get('front')!,
      fields: childFields(CHILDREN[index]!, index, authorityId),
    });
  }
}

// A first screening on each authority's online incident, so the demo opens with a decided level
// of concern and tasks. What the school's DSL ticked, in each pack's own tool.
const DEMO_SCREENING: Record<string, { ratings?: Record<string, string>; items?: string[] }> = {
  kent: {
    ratings: {
      type: 'problematic',
      context: 'harmful',
      'emotional-response': 'problematic',
      'targeted-response': 'harmful',
      power: 'problematic',
      frequency: 'problematic',
      persistence: 'problematic',
      'parental-response': 'healthy',
    },
  },
  thurrock: { items: ['abusive-coercion', 'chaffin-coercion', 'chaffin-secrecy'] },
  'north-yorkshire': { items: ['red-planning', 'red-targeted-response', 'amber-pornography'] },
  'north-east-lincolnshire': { items: ['made-to', 'distress'] },
  islington: { items: ['c2-coercion', 'c2-victimising'] },
};

/** Screens each authority's first demo incident and decides the level (demo start only). */
export async function seedDemoScreenings(db: Db): Promise<void> {
  for (const authority of AUTHORITIES) {
    const dslUser = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail(authority.id, 'dsl'))
      .executeTakeFirstOrThrow();
    const dsl = await actorFor(db, dslUser.id);
    const ellis = await db
      .selectFrom('incident_children as ic')
      .innerJoin('children as c', 'c.id', 'ic.child_id')
      .select(['ic.incident_id', 'ic.child_id'])
      .where('c.authority_id', '=', authority.id)
      .where('c.first_name', '=', CHILDREN[0]!.first)
      .where('ic.role', '=', 'displayed')
      .executeTakeFirstOrThrow();
    const pack = packFor(authority.id);
    const facts = Object.fromEntries(
      pack.facts.map((fact) => [fact, fact === 'significant_harm' || fact === 'technology_assisted']),
    );
    const id = await recordAnswers(db, dsl, ellis.incident_id, ellis.child_id, {
      toolId: pack.primaryTool,
      answers: DEMO_SCREENING[authority.id]!,
      facts,
    });
    const suggested = await db
      .selectFrom('screenings')
      .select('suggested_level')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await decide(db, dsl, id, {
      levelId: suggested.suggested_level,
      rationale: 'Repeated messages after being asked to stop, to a younger pupil (demo data).',
    });
    // Referred, screened by the manager to a strategy meeting, and the meeting arranged, ready to record.
    // With what the receiving team needs (issue 15): the DSL's details from their account and a
    // fictional phone number (Ofcom's drama range); for each child referred, their own family's
    // answers: the parents told, consent not asked and why, the steps and the ask for that child.
    const harmed = await db
      .selectFrom('incident_children')
      .select('child_id')
      .where('incident_id', '=', ellis.incident_id)
      .where('role', '=', 'targeted')
      .execute();
    const forEach = (own: string, other: string): Record<string, string> =>
      Object.fromEntries([[ellis.child_id, own], ...harmed.map((child): [string, string] => [child.child_id, other])]);
    await makeReferrals(db, dsl, id, {
      ...referrerFromAccount(dsl),
      referrerPhone: '01632 960 123',
      parentsTold: forEach('yes', 'yes'),
      parentsNotToldReason: {},
      parentsConsent: forEach('not_asked', 'yes'),
      consentReason: forEach(
        'The referral goes ahead whatever they say: a younger child may be at risk. They were told it is being made (demo data).',
        '',
      ),
      safetySteps: forEach(
        'Kept apart from the younger pupil at school: a separate class, break and lunch times, and a named adult. ' +
          'The mother has agreed supervision at home (demo data).',
        'A named adult at school she can go to, and her class kept apart from the older pupil at break and lunch (demo data).',
      ),
      request: forEach(
        'A strategy discussion, and an assessment of the child who harmed (demo data).',
        'Support for the child harmed and her family (demo data).',
      ),
    });
    const managerUser = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail(authority.id, 'team-manager'))
      .executeTakeFirstOrThrow();
    const manager = await actorFor(db, managerUser.id);
    const referral = await db
      .selectFrom('referrals')
      .select(['id', 'version'])
      .where('child_id', '=', ellis.child_id)
      .executeTakeFirstOrThrow();
    await decideReferral(db, manager, referral.id, referral.version, {
      outcome: 'strategy',
      rationale: 'Significant harm suspected (demo data).',
    });
    const task = await db
      .selectFrom('tasks')
      .select('id')
      .where('child_id', '=', ellis.child_id)
      .where('status', '=', 'open')
      .where('arranges', 'is not', null)
      .orderBy('created_at')
      .executeTakeFirstOrThrow();
    const options = await arrangeOptions(db, manager, task.id);
    const chair = options.chairCandidates.find((group) => group.authority.id === authority.id)!.users[0]!;
    // A week ahead, with the police officer invited by name (an account) and the school nurse typed
    // in without one (issue 15).
    const police = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail(authority.id, 'police'))
      .executeTakeFirstOrThrow();
    const weekAhead = isoDate(new Date(Date.parse(`${londonToday()}T12:00:00Z`) + 7 * 86_400_000));
    const [year, month, day] = weekAhead.split('-') as [string, string, string];
    await arrange(db, manager, task.id, {
      childIds: options.children.map((child) => child.childId),
      responsible: {},
      chairId: options.defaultChairId || chair.id,
      invite: options.invitees.filter((i) => i.proposed).map((i) => i.inviteeId),
      schedule: {
        meetsOn: { day, month, year },
        startTime: '10:30am',
        endTime: 'midday',
        place: 'Meeting room 2, Civic Centre',
        videoLink: 'https://video.example/strategy-meeting',
      },
      inviteUserIds: [police.id],
      guests: [{ name: 'Jo Fenwick', role: 'School nurse', email: 'school.nurse@health.example' }],
    });
    // Where the procedure names an AIM assessment for Ellis (14), one is planned: led by the AIM
    // practitioner with Ellis's social worker, who plans it.
    const workerUser = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail(authority.id, 'social-worker'))
      .executeTakeFirstOrThrow();
    const worker = await actorFor(db, workerUser.id);
    const aim = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail(authority.id, 'aim-practitioner'))
      .executeTakeFirstOrThrow();
    const assessmentOptions = await planOptions(db, worker, ellis.child_id);
    // Where the procedure has an AIM Pathway Panel, Toby (9) is referred to it for consultation,
    // waiting for the panel chair's decision.
    const toby = await db
      .selectFrom('incident_children as ic')
      .innerJoin('children as c', 'c.id', 'ic.child_id')
      .select('ic.child_id')
      .where('c.authority_id', '=', authority.id)
      .where('c.first_name', '=', CHILDREN[2]!.first)
      .where('ic.role', '=', 'displayed')
      .executeTakeFirstOrThrow();
    if (pack.aimPanel && !(await referOptions(db, manager, toby.child_id)).cannot) {
      await referToPanel(db, manager, toby.child_id, {
        referringService: 'childrens_services',
        assessmentType: 'Children’s Services Assessment',
        assessmentSummary:
          'Persistent sexualised behaviour towards younger children at school; the school asks for specialist advice (demo data).',
        harm: 'likely',
        childConsent: 'yes',
        parentConsent: 'yes',
        consentExploration: '',
        policeInvestigation: 'no',
        chargeLikely: '',
        denies: '',
      });
    }
    if (!assessmentOptions.cannot) {
      await planAssessment(db, worker, ellis.child_id, {
        leadId: aim.id,
        coId: worker.user.id,
        appropriateAdult: 'none',
        appropriateAdultReason: '',
        prosecutionLikely: 'no',
        denies: 'no',
        legalRepAgreed: '',
        participates: 'yes',
      });
    }
  }
}

/**
 * Plans in review on each authority's first case (issue 14): Ellis's worker writes the
 * procedure's first plan for him; the manager agrees it; it has been reviewed once and continues,
 * its next review the worker's task. Maya, the child harmed, has her own support plan from her
 * own worker, under review after a change, to be agreed again. Demo start only.
 */
export async function seedDemoPlans(db: Db): Promise<void> {
  const today = londonToday();
  const actorOf = async (authorityId: string, role: string) => {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail(authorityId, role))
      .executeTakeFirstOrThrow();
    return actorFor(db, row.id);
  };
  const fill = async (worker: Actor, planId: string) => {
    const { kind, plan } = await planService.planToEdit(db, worker, planId);
    const contents = Object.fromEntries(
      kind.contents.map((item) => [
        item.id,
        { text: `${item.label}: agreed with the child and their family (demo data).`, notAddressed: '' },
      ]),
    );
    await planService.savePlan(db, worker, planId, plan.version, contents);
  };
  const agree = async (manager: Actor, planId: string) => {
    const { plan } = await planService.planToEdit(db, manager, planId, 'plan.agree');
    await planService.agreePlan(db, manager, planId, plan.version, {
      nextReviewOn: { day: '', month: '', year: '' },
      note: 'Agreed at the multi-agency meeting (demo data).',
    });
  };
  const review = async (worker: Actor, planId: string, outcome: 'continue' | 'revise') => {
    const { plan } = await planService.planToReview(db, worker, planId);
    const [year, month, day] = today.split('-');
    await planService.reviewPlan(db, worker, planId, plan.version, {
      reviewedOn: { day: String(Number(day)), month: String(Number(month)), year: year! },
      done: 'Weekly sessions with the child; the parents met the school (demo data).',
      changed: outcome === 'revise' ? 'The child has moved to live with grandparents.' : 'The rules at home are kept.',
      views: 'The child says the plan is fair; a parent asks for more help after school.',
      outcome,
      nextReviewOn: { day: '', month: '', year: '' },
      endReason: '',
    });
  };
  for (const authority of AUTHORITIES) {
    const worker = await actorOf(authority.id, 'social-worker');
    const workerB = await actorOf(authority.id, 'social-worker-b');
    const manager = await actorOf(authority.id, 'team-manager');
    const child = (first: string, role: 'displayed' | 'targeted') =>
      db
        .selectFrom('incident_children as ic')
        .innerJoin('children as c', 'c.id', 'ic.child_id')
        .select('ic.child_id')
        .where('c.authority_id', '=', authority.id)
        .where('c.first_name', '=', first)
        .where('ic.role', '=', role)
        .executeTakeFirstOrThrow();
    const ellis = await child(CHILDREN[0]!.first, 'displayed');
    const maya = await child(CHILDREN[1]!.first, 'targeted');
    // Ellis's plan: agreed, reviewed, continuing to its next review.
    const [first] = (await planService.newPlanForm(db, worker, ellis.child_id)).kinds;
    const ellisPlan = await planService.createPlan(db, worker, ellis.child_id, {
      kind: first!.id,
      ownerId: worker.user.id,
    });
    await fill(worker, ellisPlan);
    await agree(manager, ellisPlan);
    await review(worker, ellisPlan, 'continue');
    // Maya's own support plan, by her own worker: agreed, then under review after her move.
    const mayaPlan = await planService.createPlan(db, workerB, maya.child_id, {
      kind: 'support-harmed',
      ownerId: workerB.user.id,
    });
    await fill(workerB, mayaPlan);
    await agree(manager, mayaPlan);
    await review(workerB, mayaPlan, 'revise');
  }
}

/** A demo account in an authority, by its role's part of the address, as an actor. */
async function demoPerson(db: Db, authorityId: string, role: string): Promise<Actor> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail(authorityId, role))
    .executeTakeFirstOrThrow();
  return actorFor(db, row.id);
}

/** A demo child in an authority, by first name. */
async function demoChildId(db: Db, authorityId: string, firstName: string): Promise<string> {
  const row = await db
    .selectFrom('children')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('first_name', '=', firstName)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Case notes for each authority's first case (issue 15): on Ellis's record a visit, a call with
 * the school and a manager's signed oversight note; on Maya's, by her own worker, a direct work
 * session. Written through the service, as a practitioner would, so each is in the chronology and
 * the audit log.
 */
export async function seedDemoNotes(db: Db): Promise<void> {
  const daysAgo = (days: number) => {
    const [year, month, day] = isoDate(new Date(Date.parse(londonToday()) - days * 86_400_000)).split('-');
    return { day: String(Number(day)), month: String(Number(month)), year: year! };
  };
  for (const authority of AUTHORITIES) {
    const person = (role: string) => demoPerson(db, authority.id, role);
    const [worker, workerB, manager] = [
      await person('social-worker'),
      await person('social-worker-b'),
      await person('team-manager'),
    ];
    const ellis = await demoChildId(db, authority.id, CHILDREN[0]!.first);
    const maya = await demoChildId(db, authority.id, CHILDREN[1]!.first);
    await noteService.writeNote(db, worker, ellis, {
      kind: 'visit',
      happenedOn: daysAgo(6),
      present: `${CHILDREN[0]!.first} and his mother`,
      words:
        'Home visit (demo data). We went through the safety plan together; he could say who he can talk to at school. ' +
        'His mother has put the house rules on the fridge.',
    });
    await noteService.writeNote(db, worker, ellis, {
      kind: 'phone_call',
      happenedOn: daysAgo(4),
      present: 'the designated safeguarding lead at his school',
      words: 'Call with the school (demo data): separate lunch and break times are in place and working.',
    });
    await noteService.writeNote(db, manager, ellis, {
      kind: 'oversight',
      happenedOn: daysAgo(2),
      present: 'the allocated social worker',
      words:
        'Management oversight (demo data): the plan is proportionate. Review the school arrangements in four weeks.',
    });
    await noteService.writeNote(db, workerB, maya, {
      kind: 'direct_work',
      happenedOn: daysAgo(3),
      present: CHILDREN[1]!.first,
      words: 'Direct work session (demo data): she chose the adults she trusts and drew her safe places.',
    });
  }
}

interface DemoPerson extends Partial<familyService.NetworkInput> {
  kind: string;
  name: string;
}
interface DemoFamily {
  childWhoHarmed: { people: DemoPerson[]; alert: string };
  childHarmed: { people: DemoPerson[]; alert: string };
}

/**
 * Each authority's first pair of demo children gets a family and network and an alert (issue 15):
 * the people are data (demo-family.json), added through the service by each child's own worker, so
 * the child harmed's household is sealed from those who see her only through the incident.
 */
export async function seedDemoFamily(db: Db): Promise<void> {
  const demo = JSON.parse(readFileSync(new URL('./demo-family.json', import.meta.url), 'utf8')) as DemoFamily;
  const blank = emptyNetworkInput();
  for (const authority of AUTHORITIES) {
    const person = (role: string) => demoPerson(db, authority.id, role);
    const child = (first: string) => demoChildId(db, authority.id, first);
    const pairs: [Actor, string, { people: DemoPerson[]; alert: string }][] = [
      [await person('social-worker'), await child(CHILDREN[0]!.first), demo.childWhoHarmed],
      [await person('social-worker-b'), await child(CHILDREN[1]!.first), demo.childHarmed],
    ];
    for (const [worker, childId, family] of pairs) {
      for (const member of family.people) await familyService.addPerson(db, worker, childId, { ...blank, ...member });
      await familyService.addAlert(db, worker, childId, family.alert);
    }
  }
}

/**
 * A one-page PDF with these lines of text (Helvetica), made here: a real file a PDF reader opens,
 * with its cross-reference table at the right offsets.
 */
export function demoPdf(lines: readonly string[]): Buffer {
  const escape = (text: string) => text.replace(/[\\()]/g, (ch) => `\\${ch}`);
  const stream = ['BT', '/F1 14 Tf', '72 760 Td', '18 TL', ...lines.map((line) => `(${escape(line)}) '`), 'ET'].join(
    '\n',
  );
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A school report on Ellis's record in each authority (issue 15): a small PDF made here, marked as demo data. */
export async function seedDemoDocuments(db: Db): Promise<void> {
  for (const authority of AUTHORITIES) {
    const worker = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', demoEmail(authority.id, 'social-worker'))
      .executeTakeFirstOrThrow();
    const ellis = await db
      .selectFrom('children')
      .select('id')
      .where('authority_id', '=', authority.id)
      .where('first_name', '=', CHILDREN[0]!.first)
      .executeTakeFirstOrThrow();
    const bytes = demoPdf([
      'School report (demo data)',
      `${CHILDREN[0]!.first}: autumn term`,
      'Attendance is good. Separate lunch and break times are in place and working.',
      'This document is demo data and describes no real child.',
    ]);
    await documentService.uploadDocument(
      db,
      await actorFor(db, worker.id),
      ellis.id,
      {
        title: 'School report (demo data)',
        kind: 'school_report',
        file: { fileName: 'school-report-demo.pdf', size: bytes.length, tooLarge: false },
        bytes,
      },
      { scanner: NO_SCANNER, limitBytes: 10 * 1024 * 1024 },
    );
  }
}
