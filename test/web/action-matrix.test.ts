// The route matrix (R-X-7, issue 10): every route of the application, enumerated from Fastify's
// own route list, for every demo role in each of six relationships to the record (own, same
// team, other team, other authority, grant only, child harmed only). What each route should
// answer comes from the action model (src/domain/actions.ts) for the action the route names:
//   refused -> 403 or 404, a refusal in the audit log, and no change written;
//   allowed -> neither 403 nor 404 nor 5xx; a page showing case data writes its view event.
// Forms are posted invalid or stale, so an allowed request is refused by validation (400, 409)
// and changes nothing; the few that act without a form restore their record before each request.
// A route missing from the catalogue below fails the test: a new route needs its matrix entry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { AccessBasis } from '../../src/domain/access.ts';
import { ACTIONS, REPRESENTING_ROLES, type Relation, may } from '../../src/domain/actions.ts';
import type { Database } from '../../src/db/types.ts';
import { findIncident } from '../../src/repositories/incidents.ts';
import { Client, DEMO_PASSWORD, csrfFrom, startTestApp, type TestApp } from '../helpers/app.ts';
import {
  MATRIX_ROLES,
  PANEL_AUTHORITY,
  type Person,
  RELATIONSHIPS,
  type World,
  basesOf,
  buildWorlds,
} from '../helpers/matrix-world.ts';

type Form = Record<string, string | string[]>;

/** What a route acts on, to work out who the person is to it. */
type On =
  | { kind: 'none' }
  | { kind: 'child'; child: (w: World) => string }
  | { kind: 'draft' }
  | { kind: 'incident' }
  | { kind: 'decided screening' }
  | { kind: 'task'; which: 'own' | 'other' }
  | { kind: 'meeting'; shared: boolean; child?: 'displayed' | 'targeted' }
  | { kind: 'assessment' }
  | { kind: 'plan' }
  | { kind: 'note' }
  | { kind: 'document' }
  | { kind: 'panel'; child: (w: World) => string }
  | { kind: 'user' }
  | { kind: 'kent-setting' };

interface Entry {
  name?: string;
  on: On;
  params?: (w: World, p: Person) => Record<string, string>;
  query?: string;
  form?: (w: World, p: Person) => Form;
  prepare?: (db: Kysely<Database>, w: World, p: Person) => Promise<void>;
}

const H = (w: World) => w.childWhoHarmed;
const V = (w: World) => w.childHarmed;
/** The panel's children, in North East Lincolnshire: the child who harmed, and the one whose referral was accepted. */
const PH = (w: World) => w.panel.childWhoHarmed;
const PA = (w: World) => w.panel.panelChild;
const id = (f: (w: World) => string) => (w: World) => ({ id: f(w) });
const stale = () => ({ version: '0' });
const relink = async (db: Kysely<Database>, w: World) => {
  await db
    .insertInto('incident_children')
    .values({ incident_id: w.draft, child_id: w.childWhoHarmed, role: 'displayed' })
    .onConflict((oc) => oc.columns(['incident_id', 'child_id']).doNothing())
    .execute();
};

/** A record corrected once (its first correction, if not there already), so that its first version can be read. */
async function correctedOnce(
  db: Kysely<Database>,
  record: { type: 'incident' | 'screening' | 'minutes'; id: string; authorityId: string; by: string },
  part: string,
  before: unknown,
) {
  await db
    .insertInto('record_corrections')
    .values({
      authority_id: record.authorityId,
      record_type: record.type,
      record_id: record.id,
      number: 1,
      part,
      changed_fields: [part === 'minutes' ? 'note-0' : part],
      before: JSON.stringify(before),
      reason: 'Matrix',
      corrected_by: record.by,
    })
    .onConflict((oc) => oc.columns(['record_type', 'record_id', 'number']).doNothing())
    .execute();
}

/** The world's incident, corrected once. */
const oneCorrection = async (db: Kysely<Database>, w: World) => {
  const inc = (await findIncident(db, w.incident))!;
  const children = inc.children.map((child) => ({
    childId: child.childId,
    role: child.role,
    ownWords: child.ownWords,
  }));
  const before = { occurredAt: inc.occurredAt?.toISOString() ?? null, text: inc.text, lists: inc.lists, children };
  await correctedOnce(
    db,
    { type: 'incident', id: w.incident, authorityId: inc.authorityId, by: inc.createdBy },
    'behaviour',
    before,
  );
};

/** The world's decided screening, its reasons corrected once. */
const oneScreeningCorrection = async (db: Kysely<Database>, w: World) => {
  const screening = await db
    .selectFrom('screenings')
    .select(['authority_id', 'decided_by', 'rationale'])
    .where('id', '=', w.decidedScreening)
    .executeTakeFirstOrThrow();
  const record = { type: 'screening' as const, id: w.decidedScreening, authorityId: screening.authority_id };
  await correctedOnce(db, { ...record, by: screening.decided_by! }, 'rationale', {
    rationale: screening.rationale ?? '',
  });
};

/** The world's two meetings with their minutes approved, or not. */
const approved = (yes: boolean) => async (db: Kysely<Database>, w: World) => {
  await db
    .updateTable('meetings')
    .set({ minutes_approved_at: yes ? new Date() : null })
    .where('id', 'in', [w.meeting, w.sharedMeeting])
    .execute();
};

/** A meeting's approved minutes, corrected once. */
const oneMinutesCorrection = async (db: Kysely<Database>, meetingId: string) => {
  const meeting = await db
    .selectFrom('meetings')
    .select(['authority_id', 'chair_id'])
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const record = { type: 'minutes' as const, id: meetingId, authorityId: meeting.authority_id, by: meeting.chair_id };
  await correctedOnce(db, record, 'minutes', { notes: [], safetyPlans: {} });
};

/** Routes the matrix does not drive, with where they are tested instead. */
const ELSEWHERE: Record<string, string> = {
  'GET /sign-in': 'test/web/sign-in.test.ts (anonymous; signed in it goes home)',
  'POST /sign-in': 'test/web/sign-in.test.ts, test/web/hardening.test.ts',
  'GET /sign-in/authority': 'test/web/hardening.test.ts (after a password opening two accounts)',
  'POST /sign-in/authority': 'test/web/hardening.test.ts',
  'POST /sign-out': 'test/web/sign-in.test.ts (ends the session it is posted from)',
  'POST /session/keep-alive': 'test/web/sign-in.test.ts, test/web/hardening.test.ts (the person’s own session)',
  'POST /account/password': 'test/web/hardening.test.ts (the person’s own account)',
  'GET /health': 'public, no data',
  'GET /api/v1/openapi.json': 'test/web/api.test.ts (API tokens, not sessions)',
  'GET /api/v1/procedures': 'test/web/api.test.ts',
  'GET /api/v1/procedures/:id': 'test/web/api.test.ts',
  'GET /api/v1/bank-holidays': 'test/web/api.test.ts',
  'POST /api/v1/evaluate': 'test/web/api.test.ts',
};

const C = (child = H): On => ({ kind: 'child', child });
const CATALOGUE: Record<string, Entry[]> = {
  'GET /': [{ on: { kind: 'none' } }],
  'GET /home': [{ on: { kind: 'none' } }],
  'GET /cases': [{ on: { kind: 'none' } }],
  // Find a child: a search (audited, listing only the children the person may see), and one with nothing typed.
  'GET /find-a-child': [
    { on: { kind: 'none' }, query: '?name=Ellis&school=Meadowbank' },
    { name: 'nothing typed', on: { kind: 'none' }, query: '?name=' },
  ],
  'GET /who-can-do-what': [{ on: { kind: 'none' } }],
  'GET /procedures': [{ on: { kind: 'none' } }],
  'GET /procedures/:id': [{ on: { kind: 'none' }, params: () => ({ id: 'kent' }) }],
  'GET /account/password': [{ on: { kind: 'none' } }],
  'GET /tasks': [{ on: { kind: 'none' } }],
  'GET /meetings': [{ on: { kind: 'none' } }],
  'GET /assessments': [{ on: { kind: 'none' } }],
  'GET /referrals': [{ on: { kind: 'none' } }],
  'GET /panel': [{ on: { kind: 'none' } }],
  'GET /audit': [{ on: { kind: 'none' } }],
  // Children's records.
  'GET /children/new': [{ on: { kind: 'none' } }],
  'POST /children/new': [{ on: { kind: 'none' }, form: () => ({ firstName: '' }) }],
  'POST /children/new/use-existing': [
    { on: { kind: 'draft' }, form: (w) => ({ incident: w.draft, childId: w.childWhoHarmed, role: '' }) },
  ],
  'GET /children/:id': [
    { on: C(), params: id(H) },
    { name: 'child harmed', on: C(V), params: id(V) },
  ],
  'GET /children/:id/edit': [{ on: C(), params: id(H) }],
  'POST /children/:id/edit': [{ on: C(), params: id(H), form: stale }],
  'GET /children/:id/chronology': [{ on: C(), params: id(H) }],
  'POST /children/:id/allocation': [{ on: C(), params: id(H), form: () => ({ version: '0', workerId: 'nobody' }) }],
  'POST /children/:id/grants': [{ on: C(), params: id(H), form: () => ({ userId: '', reason: '', days: '' }) }],
  'POST /children/:id/grants/:grantId/revoke': [
    {
      on: C(),
      params: (w) => ({ id: w.childWhoHarmed, grantId: w.grantToEnd }),
      prepare: async (db, w) =>
        void (await db.updateTable('access_grants').set({ revoked_at: null }).where('id', '=', w.grantToEnd).execute()),
    },
  ],
  'GET /children/:id/close': [{ on: C(), params: id(H) }],
  'POST /children/:id/close': [{ on: C(), params: id(H), form: () => ({ version: '0', reason: '' }) }],
  'GET /children/:id/reopen': [{ on: C(), params: id(H) }],
  'POST /children/:id/reopen': [{ on: C(), params: id(H), form: () => ({ version: '0', reason: '' }) }],
  'GET /children/:id/tasks': [{ on: C(), params: id(H) }],
  'GET /children/:id/meetings': [{ on: C(), params: id(H) }],
  'GET /children/:id/external-decisions/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/external-decisions': [{ on: C(), params: id(H), form: () => ({ agency: '' }) }],
  'GET /children/:id/assessments': [{ on: C(), params: id(H) }],
  'GET /children/:id/assessments/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/assessments/new': [{ on: C(), params: id(H), form: () => ({}) }],
  'GET /children/:id/panel-referrals/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/panel-referrals/new': [{ on: C(), params: id(H), form: () => ({}) }],
  // Incidents.
  'GET /incidents': [{ on: { kind: 'none' } }],
  'POST /incidents': [{ on: { kind: 'none' } }],
  'GET /incidents/:id': [{ on: { kind: 'incident' }, params: (w) => ({ id: w.incident }) }],
  'GET /incidents/:id/children': [{ on: { kind: 'draft' }, params: (w) => ({ id: w.draft }) }],
  'POST /incidents/:id/children': [
    { on: { kind: 'draft' }, params: (w) => ({ id: w.draft }), form: (w) => ({ childId: w.childWhoHarmed, role: '' }) },
  ],
  'GET /incidents/:id/children/:childId': [
    { on: { kind: 'draft' }, params: (w) => ({ id: w.draft, childId: w.childWhoHarmed }), prepare: relink },
  ],
  'POST /incidents/:id/children/:childId': [
    {
      on: { kind: 'draft' },
      params: (w) => ({ id: w.draft, childId: w.childWhoHarmed }),
      form: () => ({ role: '' }),
      prepare: relink,
    },
  ],
  'POST /incidents/:id/children/:childId/remove': [
    { on: { kind: 'draft' }, params: (w) => ({ id: w.draft, childId: w.childWhoHarmed }), prepare: relink },
  ],
  'GET /incidents/:id/check': [{ on: { kind: 'draft' }, params: (w) => ({ id: w.draft }) }],
  'POST /incidents/:id/submit': [
    { on: { kind: 'draft' }, params: (w) => ({ id: w.draft }), form: stale, prepare: relink },
  ],
  'GET /incidents/:id/:slug': [{ on: { kind: 'draft' }, params: (w) => ({ id: w.draft, slug: 'behaviour' }) }],
  'POST /incidents/:id/:slug': [
    { on: { kind: 'draft' }, params: (w) => ({ id: w.draft, slug: 'behaviour' }), form: stale },
  ],
  // Corrections to a submitted incident (issue 15): forms posted stale or without a reason.
  'GET /incidents/:id/correct/:slug': [
    { on: { kind: 'incident' }, params: (w) => ({ id: w.incident, slug: 'behaviour' }) },
  ],
  'POST /incidents/:id/correct/:slug': [
    { on: { kind: 'incident' }, params: (w) => ({ id: w.incident, slug: 'behaviour' }), form: stale },
  ],
  'GET /incidents/:id/correct/children': [{ on: { kind: 'incident' }, params: (w) => ({ id: w.incident }) }],
  // A child already linked: only one the manager may see is offered (the child who harmed's part).
  'GET /incidents/:id/correct/children/:childId': [
    { on: C(), params: (w) => ({ id: w.incident, childId: w.childWhoHarmed }) },
  ],
  'POST /incidents/:id/correct/children/:childId': [
    {
      on: C(),
      params: (w) => ({ id: w.incident, childId: w.childWhoHarmed }),
      form: () => ({ version: '0', role: '' }),
    },
  ],
  'GET /incidents/:id/versions/:number': [
    { on: { kind: 'incident' }, params: (w) => ({ id: w.incident, number: '1' }), prepare: oneCorrection },
  ],
  // Screening and referral.
  'GET /incidents/:id/screening/:childId': [
    { on: C(), params: (w) => ({ id: w.incident, childId: w.childWhoHarmed }) },
  ],
  'POST /incidents/:id/screening/:childId': [
    { on: C(), params: (w) => ({ id: w.incident, childId: w.childWhoHarmed }), form: () => ({ tool: '' }) },
  ],
  'GET /screenings/:id': [{ on: C(), params: (w) => ({ id: w.screening }) }],
  'POST /screenings/:id/decision': [
    { on: C(), params: (w) => ({ id: w.screening }), form: () => ({ level: '', rationale: '' }) },
  ],
  // Corrections to the reasons for a decided level (issue 15): posted without reasons.
  'GET /screenings/:id/correct': [{ on: { kind: 'decided screening' }, params: (w) => ({ id: w.decidedScreening }) }],
  'POST /screenings/:id/correct': [
    {
      on: { kind: 'decided screening' },
      params: (w) => ({ id: w.decidedScreening }),
      form: () => ({ version: '1', rationale: '', reason: '' }),
    },
  ],
  'GET /screenings/:id/versions/:number': [
    { on: C(), params: (w) => ({ id: w.decidedScreening, number: '1' }), prepare: oneScreeningCorrection },
  ],
  'GET /screenings/:id/referrals/new': [{ on: C(), params: (w) => ({ id: w.decidedScreening }) }],
  'POST /screenings/:id/referrals': [{ on: C(), params: (w) => ({ id: w.decidedScreening }) }],
  'GET /referrals/:id': [{ on: C(), params: (w) => ({ id: w.referral }) }],
  'POST /referrals/:id/decision': [{ on: C(), params: (w) => ({ id: w.referral }), form: stale }],
  // Tasks.
  'GET /tasks/:id': [{ on: { kind: 'task', which: 'own' }, params: (w) => ({ id: w.ownRoleTask }) }],
  'GET /tasks/:id/meeting': [{ on: { kind: 'task', which: 'own' }, params: (w) => ({ id: w.ownRoleTask }) }],
  'POST /tasks/:id/meeting': [
    { on: { kind: 'task', which: 'own' }, params: (w) => ({ id: w.ownRoleTask }), form: () => ({}) },
  ],
  'POST /tasks/:id/complete': [
    {
      name: 'a task their role owes',
      on: { kind: 'task', which: 'own' },
      params: (w) => ({ id: w.ownRoleTask }),
      form: () => ({ version: '0', note: '' }),
    },
    {
      name: 'another role’s task',
      on: { kind: 'task', which: 'other' },
      params: (w) => ({ id: w.otherRoleTask }),
      form: () => ({ version: '0', note: '' }),
    },
  ],
  'POST /tasks/:id/assign': [
    {
      name: 'a task their role owes',
      on: { kind: 'task', which: 'own' },
      params: (w) => ({ id: w.ownRoleTask }),
      form: stale,
    },
    {
      name: 'another role’s task',
      on: { kind: 'task', which: 'other' },
      params: (w) => ({ id: w.otherRoleTask }),
      form: stale,
    },
  ],
  'POST /tasks/:id/assign-to': [
    {
      on: { kind: 'task', which: 'other' },
      params: (w) => ({ id: w.otherRoleTask }),
      form: () => ({ version: '0', assignee: '' }),
    },
  ],
  // Meetings, in the child's authority and shared with another.
  ...Object.fromEntries(
    (
      [
        ['GET /meetings/:id', undefined],
        ['GET /meetings/:id/print', undefined],
        ['GET /meetings/:id/export', undefined],
        ['GET /meetings/:id/minutes', undefined],
        ['POST /meetings/:id/minutes', stale],
        ['GET /meetings/:id/attendees', undefined],
        ['POST /meetings/:id/attendees', () => ({ name: '' })],
        ['POST /meetings/:id/approve', stale],
        ['POST /meetings/:id/circulate', () => ({})],
        ['POST /meetings/:id/close', stale],
        ['GET /meetings/:id/reschedule', undefined],
        ['POST /meetings/:id/reschedule', stale],
        ['GET /meetings/:id/cancel', undefined],
        ['POST /meetings/:id/cancel', stale],
        ['GET /meetings/:id/invitees/new', undefined],
        ['POST /meetings/:id/invitees/new', stale],
      ] as [string, (() => Form) | undefined][]
    ).map(([route, form]) => [
      route,
      [false, true].map((shared) => ({
        name: shared ? 'shared with Thurrock' : 'in Kent',
        on: { kind: 'meeting', shared },
        params: (w: World) => ({ id: shared ? w.sharedMeeting : w.meeting }),
        ...(form ? { form } : {}),
        // The minutes are approved only for correcting them (below).
        prepare: approved(false),
      })),
    ]),
  ),
  // Correcting approved minutes (issue 15): posted stale.
  ...Object.fromEntries(
    (
      [
        ['GET /meetings/:id/minutes/correct', undefined],
        ['POST /meetings/:id/minutes/correct', () => ({ version: '0', 'note-0': 'Matrix', reason: 'Matrix' })],
        ['GET /meetings/:id/minutes/versions/:number', undefined],
      ] as [string, (() => Form) | undefined][]
    ).map(([route, form]) => [
      route,
      [false, true].map((shared) => ({
        name: shared ? 'shared with Thurrock' : 'in Kent',
        on: { kind: 'meeting' as const, shared },
        params: (w: World) => ({ id: shared ? w.sharedMeeting : w.meeting, number: '1' }),
        ...(form ? { form } : {}),
        prepare: async (db: Kysely<Database>, w: World) => {
          await approved(true)(db, w);
          await oneMinutesCorrection(db, shared ? w.sharedMeeting : w.meeting);
        },
      })),
    ]),
  ),
  ...Object.fromEntries(
    ['GET', 'POST'].map((m) => [
      `${m} /meetings/:id/children/:childId/outcome`,
      (['displayed', 'targeted'] as const).flatMap((child) =>
        [false, true].map((shared) => ({
          name: `${child === 'displayed' ? 'the child who harmed' : 'the child harmed'}, ${shared ? 'shared with Thurrock' : 'in Kent'}`,
          on: { kind: 'meeting', shared, child },
          params: (w: World) => ({
            id: shared ? w.sharedMeeting : w.meeting,
            childId: child === 'displayed' ? w.childWhoHarmed : w.childHarmed,
          }),
          ...(m === 'POST' ? { form: () => ({ outcome: '' }) } : {}),
        })),
      ),
    ]),
  ),
  // A partner invited to each meeting: removed, or their details corrected (issue 15).
  ...Object.fromEntries(
    (
      [
        ['GET /meetings/:id/invitees/:inviteeId/remove', undefined],
        ['POST /meetings/:id/invitees/:inviteeId/remove', stale],
        ['GET /meetings/:id/invitees/:inviteeId/edit', undefined],
        ['POST /meetings/:id/invitees/:inviteeId/edit', stale],
      ] as [string, (() => Form) | undefined][]
    ).map(([route, form]) => [
      route,
      [false, true].map((shared) => ({
        name: shared ? 'shared with Thurrock' : 'in Kent',
        on: { kind: 'meeting' as const, shared },
        params: (w: World) => ({
          id: shared ? w.sharedMeeting : w.meeting,
          inviteeId: shared ? w.meetingPartner.shared : w.meetingPartner.own,
        }),
        ...(form ? { form } : {}),
      })),
    ]),
  ),
  // One child's part of a meeting's record, for their family (issue 15).
  'GET /meetings/:id/children/:childId/extract': (['displayed', 'targeted'] as const).flatMap((child) =>
    [false, true].map((shared) => ({
      name: `${child === 'displayed' ? 'the child who harmed' : 'the child harmed'}, ${shared ? 'shared with Thurrock' : 'in Kent'}`,
      on: { kind: 'meeting' as const, shared, child },
      params: (w: World) => ({
        id: shared ? w.sharedMeeting : w.meeting,
        childId: child === 'displayed' ? w.childWhoHarmed : w.childHarmed,
      }),
    })),
  ),
  // AIM assessments.
  'GET /assessments/:id': [{ on: { kind: 'assessment' }, params: (w) => ({ id: w.assessment }) }],
  'GET /assessments/:id/print': [{ on: { kind: 'assessment' }, params: (w) => ({ id: w.assessment }) }],
  'GET /assessments/:id/export': [{ on: { kind: 'assessment' }, params: (w) => ({ id: w.assessment }) }],
  ...Object.fromEntries(
    ['stage', 'outcome', 'report', 'share'].map((s) => [
      `GET /assessments/:id/${s}`,
      [{ on: { kind: 'assessment' }, params: (w: World) => ({ id: w.assessment }) }],
    ]),
  ),
  ...Object.fromEntries(
    ['stage', 'outcome', 'report', 'share', 'complete'].map((s) => [
      `POST /assessments/:id/${s}`,
      [{ on: { kind: 'assessment' }, params: (w: World) => ({ id: w.assessment }), form: stale }],
    ]),
  ),
  // Plans (issue 14): a draft to write, agree and end, an agreed one to review, share and end.
  'GET /children/:id/plans': [{ on: C(), params: id(H) }],
  'GET /children/:id/plans/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/plans/new': [{ on: C(), params: id(H), form: () => ({ kind: '' }) }],
  ...Object.fromEntries(
    (
      [
        ['GET /plans/:id', ['draft', 'agreed'], undefined],
        ['GET /plans/:id/print', ['agreed'], undefined],
        ['GET /plans/:id/export', ['agreed'], undefined],
        ['GET /plans/:id/edit', ['draft'], undefined],
        ['POST /plans/:id/edit', ['draft'], stale],
        ['GET /plans/:id/agree', ['draft'], undefined],
        ['POST /plans/:id/agree', ['draft'], stale],
        ['GET /plans/:id/review', ['agreed'], undefined],
        ['POST /plans/:id/review', ['agreed'], stale],
        ['GET /plans/:id/share', ['agreed'], undefined],
        ['POST /plans/:id/share', ['agreed'], () => ({ sharedWith: '' })],
        ['GET /plans/:id/end', ['draft', 'agreed'], undefined],
        ['POST /plans/:id/end', ['draft', 'agreed'], stale],
        ['GET /plans/:id/actions', ['agreed'], undefined],
        ['POST /plans/:id/actions', ['agreed'], () => ({ what: '' })],
      ] as [string, ('draft' | 'agreed')[], (() => Form) | undefined][]
    ).map(([route, which, form]) => [
      route,
      which.map((plan) => ({
        name: `a plan ${plan === 'draft' ? 'in draft' : 'agreed'}`,
        on: { kind: 'plan' as const },
        params: (w: World) => ({ id: w.plans[plan] }),
        ...(form ? { form } : {}),
      })),
    ]),
  ),
  // Case notes (issue 15): on the child who harmed's record.
  'GET /children/:id/notes': [{ on: C(), params: id(H) }],
  'GET /children/:id/notes/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/notes/new': [{ on: C(), params: id(H), form: () => ({ kind: '' }) }],
  'GET /notes/:id': [{ on: { kind: 'note' }, params: (w) => ({ id: w.note }) }],
  // Family and network, and alerts (issue 15): on the child who harmed's record.
  'GET /children/:id/family': [{ on: C(), params: id(H) }],
  'GET /children/:id/family/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/family/new': [{ on: C(), params: id(H), form: () => ({ kind: '' }) }],
  'GET /children/:id/family/:personId/end': [
    { on: C(), params: (w) => ({ id: w.childWhoHarmed, personId: w.familyMember }) },
  ],
  'POST /children/:id/family/:personId/end': [
    { on: C(), params: (w) => ({ id: w.childWhoHarmed, personId: w.familyMember }), form: () => ({ reason: '' }) },
  ],
  'GET /children/:id/alerts/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/alerts/new': [{ on: C(), params: id(H), form: () => ({ words: '' }) }],
  'GET /children/:id/alerts/:alertId/end': [{ on: C(), params: (w) => ({ id: w.childWhoHarmed, alertId: w.alert }) }],
  'POST /children/:id/alerts/:alertId/end': [
    { on: C(), params: (w) => ({ id: w.childWhoHarmed, alertId: w.alert }), form: () => ({ reason: '' }) },
  ],
  // Documents (issue 15): on the child who harmed's record. The upload form is multipart; posted
  // urlencoded here, as any client may, it is refused by validation ("Select a file"), not a 500.
  'GET /children/:id/documents': [{ on: C(), params: id(H) }],
  'GET /children/:id/documents/new': [{ on: C(), params: id(H) }],
  'POST /children/:id/documents/new': [{ on: C(), params: id(H), form: () => ({ title: '', kind: '' }) }],
  'GET /documents/:id/download': [{ on: { kind: 'document' }, params: (w) => ({ id: w.document }) }],
  // The world's document was uploaded by the person in the 'own' relationship; posted with no reason, nothing is removed.
  'GET /documents/:id/remove': [{ on: { kind: 'document' }, params: (w) => ({ id: w.document }) }],
  'POST /documents/:id/remove': [
    { on: { kind: 'document' }, params: (w) => ({ id: w.document }), form: () => ({ reason: '' }) },
  ],
  // The AIM Pathway Panel.
  'GET /panel-referrals/:id': [{ on: { kind: 'panel', child: PH }, params: (w) => ({ id: w.panel.awaiting }) }],
  'GET /panel-referrals/:id/letter': [{ on: { kind: 'panel', child: PH }, params: (w) => ({ id: w.panel.closed }) }],
  'POST /panel-referrals/:id/decision': [
    { on: { kind: 'panel', child: PH }, params: (w) => ({ id: w.panel.awaiting }), form: stale },
  ],
  'POST /panel-referrals/:id/review': [
    { on: { kind: 'panel', child: PA }, params: (w) => ({ id: w.panel.accepted }), form: stale },
  ],
  'POST /panel-referrals/:id/close': [
    { on: { kind: 'panel', child: PA }, params: (w) => ({ id: w.panel.accepted }), form: stale },
  ],
  // Administration.
  'GET /admin/users': [{ on: { kind: 'none' } }],
  'GET /admin/users/new': [{ on: { kind: 'none' } }],
  'POST /admin/users/new': [{ on: { kind: 'none' }, form: () => ({ email: '' }) }],
  'GET /admin/users/:id': [{ on: { kind: 'user' }, params: (w, p) => ({ id: w.targets[p.relationship] }) }],
  'POST /admin/users/:id': [
    { on: { kind: 'user' }, params: (w, p) => ({ id: w.targets[p.relationship] }), form: stale },
  ],
  'POST /admin/users/:id/unlock': [{ on: { kind: 'user' }, params: (w, p) => ({ id: w.targets[p.relationship] }) }],
  'POST /admin/users/:id/reset-password': [
    { on: { kind: 'user' }, params: (w, p) => ({ id: w.targets[p.relationship] }) },
  ],
  ...Object.fromEntries(
    ['approve', 'reject'].map((d) => [
      `POST /admin/users/:id/role-changes/:requestId/${d}`,
      [
        {
          on: { kind: 'user' },
          params: (w: World, p: Person) => ({
            id: w.targets[p.relationship],
            requestId: w.roleChanges[p.relationship],
          }),
          prepare: async (db: Kysely<Database>, w: World, p: Person) =>
            void (await db
              .updateTable('role_change_requests')
              .set({ status: 'pending', decided_by: null, decided_at: null })
              .where('id', '=', w.roleChanges[p.relationship])
              .execute()),
        },
      ],
    ]),
  ),
  'GET /admin/teams': [{ on: { kind: 'none' } }],
  'POST /admin/teams': [{ on: { kind: 'none' }, form: () => ({ name: '' }) }],
  'GET /admin/working-days': [{ on: { kind: 'none' } }],
  'POST /admin/working-days/holidays': [{ on: { kind: 'none' }, form: () => ({ name: '' }) }],
  'POST /admin/working-days/holidays/:date/remove': [
    {
      on: { kind: 'kent-setting' },
      params: (w) => ({ date: w.holiday }),
      prepare: async (db, w) => {
        const by = (
          await db.selectFrom('users').select('id').where('email', '=', 'admin@kent.example').executeTakeFirstOrThrow()
        ).id;
        await db
          .insertInto('one_off_holidays')
          .values({ authority_id: 'kent', day: w.holiday, name: 'Matrix', added_by: by })
          .onConflict((oc) => oc.columns(['authority_id', 'day']).doNothing())
          .execute();
      },
    },
  ],
  'POST /admin/working-days/inactivity': [{ on: { kind: 'none' }, form: () => ({ inactivityDays: 'many' }) }],
  'GET /admin/api-tokens': [{ on: { kind: 'none' } }],
  'POST /admin/api-tokens': [{ on: { kind: 'none' }, form: () => ({ name: '' }) }],
  'POST /admin/api-tokens/:id/revoke': [
    {
      on: { kind: 'kent-setting' },
      params: (w) => ({ id: w.apiToken }),
      prepare: async (db, w) =>
        void (await db.updateTable('api_tokens').set({ revoked_at: null }).where('id', '=', w.apiToken).execute()),
    },
  ],
};

const CASE_RECORDS = new Set([
  'child',
  'incident',
  'screening',
  'referral',
  'task',
  'meeting',
  'external decision',
  'assessment',
  'panel referral',
  'plan',
  'case note',
  'family member',
  'alert',
  'document',
  'list',
]);

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`No value for :${name} in ${url}`);
    return encodeURIComponent(v);
  });
}

/** Who this person is to what the route acts on, and whether the record is in their authority. */
async function subjectFor(
  db: Kysely<Database>,
  w: World,
  p: Person,
  on: On,
): Promise<{ bases: AccessBasis[]; relations: Relation[]; sameAuthority: boolean }> {
  const own = p.relationship === 'own';
  const inKent = p.authorityId === 'kent';
  const sight = async (children: string[]) => [...new Set([...(await basesOf(db, p, children)).values()].flat())];
  switch (on.kind) {
    case 'none':
      return { bases: [], relations: [], sameAuthority: true };
    case 'kent-setting':
      return { bases: [], relations: [], sameAuthority: inKent };
    case 'child':
      return { bases: await sight([on.child(w)]), relations: [], sameAuthority: inKent };
    case 'draft':
      return { bases: await sight([w.childWhoHarmed]), relations: own ? ['author'] : [], sameAuthority: inKent };
    case 'incident':
      return {
        bases: await sight([w.childWhoHarmed, w.childHarmed]),
        relations: own ? ['author'] : [],
        sameAuthority: inKent,
      };
    // The world's decided screening was decided by the person in the 'own' relationship.
    case 'decided screening':
      return { bases: await sight([w.childWhoHarmed]), relations: own ? ['decider'] : [], sameAuthority: inKent };
    case 'task': {
      const relations: Relation[] = [];
      if (on.which === 'own') {
        relations.push('owes');
        if (own) relations.push('assignee');
      }
      return { bases: await sight([w.childWhoHarmed]), relations, sameAuthority: inKent };
    }
    case 'meeting': {
      const children = on.child
        ? [on.child === 'displayed' ? w.childWhoHarmed : w.childHarmed]
        : [w.childWhoHarmed, w.childHarmed];
      const relations: Relation[] = [];
      if (!on.shared && own) relations.push('chair', 'invitee');
      // The world's meetings were both arranged by the person in the 'own' relationship (issue 15).
      if (own) relations.push('arranger');
      // Thurrock is responsible for the child harmed at the shared meeting, and chairs it (R-KEN-6).
      const representing = on.shared && p.authorityId === 'thurrock' && (!on.child || on.child === 'targeted');
      if (representing) relations.push('representing');
      return {
        bases: await sight(children),
        relations,
        sameAuthority: inKent || (on.shared && p.authorityId === 'thurrock' && REPRESENTING_ROLES.includes(p.role)),
      };
    }
    case 'assessment':
      return { bases: await sight([w.childWhoHarmed]), relations: own ? ['assessor'] : [], sameAuthority: inKent };
    case 'plan':
      return { bases: await sight([w.childWhoHarmed]), relations: own ? ['plan_owner'] : [], sameAuthority: inKent };
    case 'note':
      return { bases: await sight([w.childWhoHarmed]), relations: [], sameAuthority: inKent };
    // The world's document was uploaded by the person in the 'own' relationship.
    case 'document':
      return { bases: await sight([w.childWhoHarmed]), relations: own ? ['uploader'] : [], sameAuthority: inKent };
    case 'panel':
      return { bases: await sight([on.child(w)]), relations: [], sameAuthority: p.authorityId === PANEL_AUTHORITY };
    case 'user': {
      const target = w.targets[p.relationship];
      const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', target).execute()).map(
        (r) => r.role,
      );
      const relations: Relation[] = [
        ...(target === p.id ? (['self'] as const) : []),
        ...(roles.some((r) => r === 'administrator' || r === 'auditor') ? (['oversight_account'] as const) : []),
      ];
      return { bases: [], relations, sameAuthority: inKent };
    }
  }
}

describe('the route matrix: every route, every role, every relationship (R-X-7)', () => {
  let t: TestApp;
  let worlds: World[] = [];
  const counts = { requests: 0, refused: 0, allowed: 0, statuses: new Map<number, number>() };

  before(async () => {
    t = await startTestApp();
    worlds = await buildWorlds(t.database.db);
  });
  after(async () => {
    const statuses = [...counts.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    console.log(
      `route matrix: ${counts.requests} requests (${counts.allowed} allowed, ${counts.refused} refused); statuses ${statuses}`,
    );
    await t.close();
  });

  it('has an entry for every route the application registers, and names every route’s action', () => {
    const routes = t.app.registeredRoutes.filter((r) => r.method === 'GET' || r.method === 'POST');
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !CATALOGUE[k] && !ELSEWHERE[k]);
    assert.deepEqual(missing, [], 'routes with no entry in the matrix');
    const stale = [...Object.keys(CATALOGUE), ...Object.keys(ELSEWHERE)].filter(
      (k) => !routes.some((r) => `${r.method} ${r.url}` === k),
    );
    assert.deepEqual(stale, [], 'matrix entries for routes that no longer exist');
    assert.ok(routes.length >= 100, `${routes.length} routes`);
  });

  for (const role of MATRIX_ROLES) {
    it(`answers each route as the action model says for a ${role.replace(/_/g, ' ')} in every relationship`, async () => {
      const { db } = t.database;
      const w = worlds.find((x) => x.role === role)!;
      const failures: string[] = [];
      const routes = t.app.registeredRoutes.filter(
        (r) => (r.method === 'GET' || r.method === 'POST') && CATALOGUE[`${r.method} ${r.url}`],
      );
      for (const relationship of RELATIONSHIPS) {
        // Each person signs in once: the world's, and for the panel's routes the one standing in the
        // same relationship to North East Lincolnshire's records.
        const sessions = new Map<string, { c: Client; token: string }>();
        const sessionOf = async (p: Person) => {
          let session = sessions.get(p.email);
          if (!session) {
            const c = new Client(t.app);
            const signIn = await c.signIn(p.email, DEMO_PASSWORD);
            assert.equal(signIn.statusCode, 303, `${p.email} signs in`);
            session = { c, token: csrfFrom((await c.get('/account/password')).body) };
            sessions.set(p.email, session);
          }
          return session;
        };
        const sent: { label: string; requestId: string; refuse: boolean; caseData: boolean; status: number }[] = [];
        for (const route of routes) {
          for (const entry of CATALOGUE[`${route.method} ${route.url}`]!) {
            const p = entry.on.kind === 'panel' ? w.panel.people[relationship] : w.people[relationship];
            const { c, token } = await sessionOf(p);
            const url = fill(route.url, entry.params?.(w, p) ?? {}) + (entry.query ?? '');
            const s = await subjectFor(db, w, p, entry.on);
            const subject = { roles: [role], bases: s.bases, relations: ['signed_in' as const, ...s.relations] };
            const allowed = s.sameAuthority && may(route.action, subject).allowed;
            await entry.prepare?.(db, w, p);
            const res =
              route.method === 'GET' ? await c.get(url) : await c.post(url, entry.form?.(w, p) ?? {}, { csrf: token });
            const label = `${route.method} ${route.url}${entry.name ? ` [${entry.name}]` : ''} as ${relationship}`;
            counts.requests += 1;
            counts[allowed ? 'allowed' : 'refused'] += 1;
            counts.statuses.set(res.statusCode, (counts.statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode}`);
            else if (allowed && (res.statusCode === 403 || res.statusCode === 404))
              failures.push(`${label}: the model allows ${route.action}, the route answered ${res.statusCode}`);
            else if (!allowed && res.statusCode !== 403 && res.statusCode !== 404)
              failures.push(`${label}: the model refuses ${route.action}, the route answered ${res.statusCode}`);
            const rule = ACTIONS[route.action];
            // A page about a record, or a list of them, shows case data; a blank form to start one does not.
            const caseData =
              route.method === 'GET' &&
              res.statusCode === 200 &&
              CASE_RECORDS.has(rule.on) &&
              !(rule.kind === 'change' && entry.on.kind === 'none');
            sent.push({
              label,
              requestId: String(res.headers['x-request-id']),
              refuse: !allowed,
              caseData,
              status: res.statusCode,
            });
          }
        }
        // What the audit log holds for each request: a refusal for each refused one, no change
        // for a refused one, and a view event for every page of case data shown (R-X-7).
        const events = await db
          .selectFrom('audit_events')
          .select(['request_id', 'outcome'])
          .where(
            'request_id',
            'in',
            sent.map((x) => x.requestId),
          )
          .execute();
        for (const x of sent) {
          const mine = events.filter((e) => e.request_id === x.requestId);
          if (x.refuse && x.status < 500) {
            if (!mine.some((e) => e.outcome === 'refused'))
              failures.push(`${x.label}: refused (${x.status}) without a refusal in the audit log`);
            if (mine.some((e) => e.outcome === 'ok'))
              failures.push(`${x.label}: refused, yet wrote an event of success`);
          }
          if (x.caseData && !mine.some((e) => e.outcome === 'ok'))
            failures.push(`${x.label}: showed case data without an audit event`);
        }
      }
      assert.deepEqual(failures, [], `${failures.length} failures`);
    });
  }
});
