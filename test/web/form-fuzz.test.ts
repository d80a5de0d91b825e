// No input reaches a 500 (issue 10, defect 11): fast-check posts generated bodies to every form
// route (wrong types, NUL, broken percent-encoding, huge and hostile strings, repeated keys),
// each as a person who may use the route, so bodies reach its validation. Every answer is below
// 500, and an answer of 400 or above writes nothing. JSON and text bodies to a page are refused
// (415), and JSON sent to the API never reaches a 500 either. Seeds are fixed per route, so a run
// repeats; the hostile values below are always tried.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { SECTIONS } from '../../src/domain/recording-form.ts';
import { emptyNetworkInput } from '../../src/domain/family.ts';
import * as documentService from '../../src/services/document-service.ts';
import * as familyService from '../../src/services/family-service.ts';
import * as planService from '../../src/services/plan-service.ts';
import * as settingsService from '../../src/services/settings-service.ts';
import { NO_SCANNER } from '../../src/services/upload-scanner.ts';
import { Client, csrfFrom, signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident, screenKentHarmful } from '../helpers/cases.ts';

const RUNS = 24;
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Every field name a page of ours can post: from the templates, the recording form, and the dynamic ones. */
function fieldNames(ids: string[]): string[] {
  const names = new Set<string>(['version', 'returnTo', 'tool', 'level', 'rationale']);
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.njk'))
        for (const m of readFileSync(p, 'utf8').matchAll(/name(?:: |=)"([A-Za-z][A-Za-z0-9_-]*)"/g)) names.add(m[1]!);
    }
  };
  walk(path.join(ROOT, 'src', 'web'));
  for (const s of SECTIONS) for (const f of s.fields) names.add(f.name);
  for (const prefix of [
    'heldOn',
    'decidedOn',
    'date',
    'dateOfBirth',
    'stageDate',
    'sharedOn',
    'nextReviewOn',
    'dueOn',
    'occurred_at',
    'aim2',
    'aim3',
    'meetsOn',
  ])
    for (const part of ['day', 'month', 'year', 'time']) names.add(`${prefix}-${part}`);
  for (const d of ['type', 'context', 'power', 'frequency']) names.add(`rating-${d}`);
  for (const f of ['significant_harm', 'youth_justice', 'open_case', 'other_children_at_risk']) names.add(`fact-${f}`);
  for (const id of ids.slice(0, 4))
    for (const prefix of ['attended-', 'name-', 'agency-', 'safetyPlan-', 'responsible-']) names.add(`${prefix}${id}`);
  for (const n of ['note-0', 'note-1', 'note-999', 'note-01']) names.add(n);
  for (const item of ['where', 'removal-decision', 'rules', 'nothing'])
    for (const box of ['text-', 'why-']) names.add(`${box}${item}`);
  for (const n of ['exclude-parents', 'exclude-child', 'reviewedOn-day', 'reviewedOn-month', 'reviewedOn-year'])
    names.add(n);
  for (const row of ['1', '2', '3', '9'])
    for (const box of ['guestName-', 'guestRole-', 'guestEmail-']) names.add(`${box}${row}`);
  return [...names].filter((n) => n !== '_csrf');
}

/** Values nobody types, always tried; `raw:` values go on the wire exactly as written. */
const HOSTILE = [
  '\u0000',
  'before\u0000after',
  'raw:%00',
  'raw:%ED%A0%80',
  'raw:%C0%80',
  'raw:%FF%FE',
  'raw:%',
  'raw:%zz',
  'raw:%E2%82',
  'x'.repeat(70_000),
  'é'.repeat(5000),
  '-1',
  '0',
  '1e309',
  'NaN',
  '99999999999999999999',
  '1.5',
  ' ',
  '',
  '<script>alert(1)</script>',
  "'; drop table children; --",
  '../../../etc/passwd',
  '2026-02-30',
  '32',
  '13',
  'true',
  'null',
  '[]',
  '{}',
  '\r\n\r\n',
  '\u202egnp.exe',
  '😀'.repeat(50),
  '00000000-0000-4000-8000-000000000000',
  'not-a-uuid',
];

function encode(body: [string, string][]): string {
  const enc = (v: string) =>
    v.startsWith('raw:') ? v.slice(4) : encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'));
  return body.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** The count and sum of versions of everything a form can write: unchanged after a refusal. */
async function fingerprint(t: TestApp): Promise<string> {
  const tables = [
    'children',
    'incidents',
    'incident_children',
    'screenings',
    'tasks',
    'referrals',
    'meetings',
    'meeting_invitees',
    'meeting_outcomes',
    'meeting_circulation',
    'meeting_invitee_changes',
    'assessments',
    'panel_referrals',
    'access_grants',
    'external_decisions',
    'users',
    'user_roles',
    'teams',
    'one_off_holidays',
    'api_tokens',
    'role_change_requests',
    'chronology_entries',
    'documents',
    'record_corrections',
  ];
  const versioned = [
    'children',
    'incidents',
    'tasks',
    'referrals',
    'meetings',
    'assessments',
    'panel_referrals',
    'users',
  ];
  const parts = [
    ...tables.map((x) => `(select count(*) from ${x})`),
    ...versioned.map((x) => `(select coalesce(sum(version), 0) from ${x})`),
    '(select count(*) from api_tokens where revoked_at is null)',
    '(select count(*) from access_grants where revoked_at is null)',
    '(select count(*) from documents where removed_at is not null)',
  ];
  const row = await sql<{ f: string }>`select concat_ws(',', ${sql.raw(parts.join(', '))}) as f`.execute(t.database.db);
  return row.rows[0]!.f;
}

interface Target {
  who: [authority: string, role: string] | 'anonymous';
  url: string;
}

describe('no input reaches a 500, and a refused form writes nothing (issue 10, defect 11)', () => {
  let t: TestApp;
  const targets = new Map<string, Target>();
  const clients = new Map<string, { client: Client; token: string }>();
  let names: string[] = [];
  const seen = new Map<number, number>();
  let posted = 0;
  let unreadable = 0;

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    await seedDemoScreenings(db);
    const kent = await demoIncident(db, 'kent', 'Ellis');
    const toby = await demoIncident(db, 'kent', 'Toby');
    const nel = await demoIncident(db, 'north-east-lincolnshire', 'Toby');
    const dsl = await demoActor(db, 'kent', 'dsl');
    const admin = await demoActor(db, 'kent', 'administrator');
    const one = async <T>(q: Promise<T | undefined>) => (await q)!;
    const dslClient = await signedIn(t.app, 'kent', 'dsl');
    const newDraft = String(
      (await dslClient.post('/incidents', {}, { tokenFrom: '/incidents' })).headers.location,
    ).split('/')[2]!;
    const screening = await one(
      db.selectFrom('screenings').select('id').where('child_id', '=', kent.childId).executeTakeFirst(),
    );
    // A decided screening not yet referred, so the referral form's bodies reach its checks (issue 15).
    await screenKentHarmful(db, 'Toby');
    const toRefer = await one(
      db.selectFrom('screenings').select('id').where('child_id', '=', toby.childId).executeTakeFirst(),
    );
    const referral = await one(
      db.selectFrom('referrals').select('id').where('child_id', '=', kent.childId).executeTakeFirst(),
    );
    const task = await one(
      db
        .selectFrom('tasks')
        .select('id')
        .where('child_id', '=', kent.childId)
        .where('owner_role', '=', 'team_manager')
        .executeTakeFirst(),
    );
    const meeting = await one(
      db.selectFrom('meetings').select('id').where('incident_id', '=', kent.incidentId).executeTakeFirst(),
    );
    // Thurrock's demo meeting, its minutes approved, so that bodies reach the correction's checks (issue 15).
    const approvedMeeting = await one(
      db.selectFrom('meetings').select('id').where('authority_id', '=', 'thurrock').executeTakeFirst(),
    );
    await db
      .updateTable('meetings')
      .set({ held_on: '2026-11-30', minutes_approved_at: new Date() })
      .where('id', '=', approvedMeeting.id)
      .execute();
    // The school nurse the demo meeting invited without an account (issue 15).
    const partner = await one(
      db
        .selectFrom('meeting_invitees')
        .select('id')
        .where('meeting_id', '=', meeting.id)
        .where('invitee_id', '=', 'partner')
        .executeTakeFirst(),
    );
    const assessment = await one(
      db.selectFrom('assessments').select('id').where('child_id', '=', kent.childId).executeTakeFirst(),
    );
    const panel = await one(
      db.selectFrom('panel_referrals').select('id').where('child_id', '=', nel.childId).executeTakeFirst(),
    );
    const worker = await one(
      db.selectFrom('users').select('id').where('email', '=', 'social-worker-b@kent.example').executeTakeFirst(),
    );
    const grant = await db.selectFrom('access_grants').select('id').limit(1).executeTakeFirst();
    await settingsService.addOneOffHoliday(db, admin, { date: '2031-06-10', name: 'Fuzz day' });
    const token = await settingsService.issueToken(db, admin, { name: 'Fuzz', days: '30' });
    const change = await db
      .insertInto('role_change_requests')
      .values({
        authority_id: 'kent',
        user_id: worker.id,
        roles_before: ['social_worker'],
        roles_after: ['social_worker'],
        proposed_by: dsl.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Two plans on Ellis's record, owned by the team manager: a draft, and one agreed (issue 14).
    const manager = await demoActor(db, 'kent', 'team-manager');
    const draftPlan = await planService.createPlan(db, manager, kent.childId, {
      kind: 'home-safety',
      ownerId: manager.user.id,
    });
    const agreedPlan = await planService.createPlan(db, manager, kent.childId, {
      kind: 'home-safety',
      ownerId: manager.user.id,
    });
    const toAgree = await planService.planToEdit(db, manager, agreedPlan);
    await planService.savePlan(
      db,
      manager,
      agreedPlan,
      toAgree.plan.version,
      Object.fromEntries(toAgree.kind.contents.map((item) => [item.id, { text: 'Agreed', notAddressed: '' }])),
    );
    await planService.agreePlan(db, manager, agreedPlan, toAgree.plan.version + 1, {
      nextReviewOn: { day: '', month: '', year: '' },
      note: '',
    });
    // A school on Ellis's family and network, and an alert on his record (issue 15).
    const person = await familyService.addPerson(db, manager, kent.childId, {
      ...emptyNetworkInput(),
      kind: 'school',
      name: 'Fuzz school',
    });
    const alert = await familyService.addAlert(db, manager, kent.childId, 'Fuzz alert');
    // A document on Ellis's record, uploaded by the manager, for the form to remove it (issue 15).
    const fuzzPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const document = await documentService.uploadDocument(
      db,
      manager,
      kent.childId,
      {
        title: 'Fuzz document',
        kind: 'other',
        file: { fileName: 'fuzz.pdf', size: fuzzPdf.length, tooLarge: false },
        bytes: fuzzPdf,
      },
      { scanner: NO_SCANNER, limitBytes: 10 * 1024 * 1024 },
    );
    const T = (who: Target['who'], url: string) => ({ who, url });
    const tm: Target['who'] = ['kent', 'team-manager'];
    const ds: Target['who'] = ['kent', 'dsl'];
    const ad: Target['who'] = ['kent', 'administrator'];
    const all: Record<string, Target> = {
      'POST /sign-in': T('anonymous', '/sign-in'),
      'POST /sign-in/authority': T('anonymous', '/sign-in/authority'),
      'POST /sign-out': T('anonymous', '/sign-out'),
      'POST /session/keep-alive': T(ds, '/session/keep-alive'),
      'POST /account/password': T(['kent', 'youth-justice'], '/account/password'),
      'POST /children/new': T(ds, '/children/new'),
      'POST /children/new/use-existing': T(ds, '/children/new/use-existing'),
      'POST /children/:id/edit': T(tm, `/children/${kent.childId}/edit`),
      'POST /children/:id/allocation': T(tm, `/children/${kent.childId}/allocation`),
      'POST /children/:id/grants': T(tm, `/children/${kent.childId}/grants`),
      'POST /children/:id/grants/:grantId/revoke': T(
        tm,
        `/children/${kent.childId}/grants/${grant?.id ?? '00000000-0000-4000-8000-000000000000'}/revoke`,
      ),
      'POST /children/:id/close': T(tm, `/children/${kent.childId}/close`),
      'POST /children/:id/reopen': T(tm, `/children/${kent.childId}/reopen`),
      'POST /children/:id/external-decisions': T(tm, `/children/${kent.childId}/external-decisions`),
      'POST /children/:id/assessments/new': T(tm, `/children/${toby.childId}/assessments/new`),
      'POST /children/:id/panel-referrals/new': T(
        ['north-east-lincolnshire', 'social-worker'],
        `/children/${nel.childId}/panel-referrals/new`,
      ),
      'POST /incidents': T(ds, '/incidents'),
      'POST /incidents/:id/children': T(ds, `/incidents/${newDraft}/children`),
      'POST /incidents/:id/children/:childId': T(ds, `/incidents/${newDraft}/children/${kent.childId}`),
      'POST /incidents/:id/children/:childId/remove': T(ds, `/incidents/${newDraft}/children/${kent.childId}/remove`),
      'POST /incidents/:id/submit': T(ds, `/incidents/${newDraft}/submit`),
      'POST /incidents/:id/:slug': T(ds, `/incidents/${newDraft}/behaviour`),
      'POST /incidents/:id/correct/:slug': T(ds, `/incidents/${kent.incidentId}/correct/behaviour`),
      'POST /incidents/:id/correct/children/:childId': T(
        tm,
        `/incidents/${toby.incidentId}/correct/children/${toby.targetedId}`,
      ),
      'POST /incidents/:id/screening/:childId': T(ds, `/incidents/${toby.incidentId}/screening/${toby.childId}`),
      'POST /screenings/:id/decision': T(ds, `/screenings/${screening.id}/decision`),
      'POST /screenings/:id/correct': T(ds, `/screenings/${toRefer.id}/correct`),
      'POST /screenings/:id/referrals': T(ds, `/screenings/${toRefer.id}/referrals`),
      'POST /referrals/:id/decision': T(tm, `/referrals/${referral.id}/decision`),
      'POST /tasks/:id/complete': T(tm, `/tasks/${task.id}/complete`),
      'POST /tasks/:id/assign': T(tm, `/tasks/${task.id}/assign`),
      'POST /tasks/:id/assign-to': T(tm, `/tasks/${task.id}/assign-to`),
      'POST /tasks/:id/meeting': T(tm, `/tasks/${task.id}/meeting`),
      'POST /meetings/:id/minutes': T(tm, `/meetings/${meeting.id}/minutes`),
      'POST /meetings/:id/minutes/correct': T(
        ['thurrock', 'team-manager'],
        `/meetings/${approvedMeeting.id}/minutes/correct`,
      ),
      'POST /meetings/:id/attendees': T(tm, `/meetings/${meeting.id}/attendees`),
      'POST /meetings/:id/children/:childId/outcome': T(tm, `/meetings/${meeting.id}/children/${kent.childId}/outcome`),
      'POST /meetings/:id/approve': T(tm, `/meetings/${meeting.id}/approve`),
      'POST /meetings/:id/circulate': T(tm, `/meetings/${meeting.id}/circulate`),
      'POST /meetings/:id/close': T(tm, `/meetings/${meeting.id}/close`),
      'POST /meetings/:id/reschedule': T(tm, `/meetings/${meeting.id}/reschedule`),
      'POST /meetings/:id/cancel': T(tm, `/meetings/${meeting.id}/cancel`),
      'POST /meetings/:id/invitees/new': T(tm, `/meetings/${meeting.id}/invitees/new`),
      'POST /meetings/:id/invitees/:inviteeId/remove': T(tm, `/meetings/${meeting.id}/invitees/${partner.id}/remove`),
      'POST /meetings/:id/invitees/:inviteeId/edit': T(tm, `/meetings/${meeting.id}/invitees/${partner.id}/edit`),
      ...Object.fromEntries(
        ['stage', 'outcome', 'report', 'share', 'complete'].map((s) => [
          `POST /assessments/:id/${s}`,
          T(['kent', 'aim-practitioner'], `/assessments/${assessment.id}/${s}`),
        ]),
      ),
      ...Object.fromEntries(
        ['decision', 'review', 'close'].map((s) => [
          `POST /panel-referrals/:id/${s}`,
          T(['north-east-lincolnshire', 'panel-chair'], `/panel-referrals/${panel.id}/${s}`),
        ]),
      ),
      'POST /children/:id/plans/new': T(tm, `/children/${kent.childId}/plans/new`),
      'POST /children/:id/notes/new': T(tm, `/children/${kent.childId}/notes/new`),
      'POST /children/:id/family/new': T(tm, `/children/${kent.childId}/family/new`),
      'POST /children/:id/family/:personId/end': T(tm, `/children/${kent.childId}/family/${person}/end`),
      'POST /children/:id/alerts/new': T(tm, `/children/${kent.childId}/alerts/new`),
      'POST /children/:id/alerts/:alertId/end': T(tm, `/children/${kent.childId}/alerts/${alert}/end`),
      'POST /children/:id/documents/new': T(tm, `/children/${kent.childId}/documents/new`),
      'POST /documents/:id/remove': T(tm, `/documents/${document}/remove`),
      'POST /plans/:id/edit': T(tm, `/plans/${draftPlan}/edit`),
      'POST /plans/:id/agree': T(tm, `/plans/${draftPlan}/agree`),
      'POST /plans/:id/end': T(tm, `/plans/${draftPlan}/end`),
      'POST /plans/:id/review': T(tm, `/plans/${agreedPlan}/review`),
      'POST /plans/:id/share': T(tm, `/plans/${agreedPlan}/share`),
      'POST /plans/:id/actions': T(tm, `/plans/${agreedPlan}/actions`),
      'POST /admin/users/new': T(ad, '/admin/users/new'),
      'POST /admin/users/:id': T(ad, `/admin/users/${worker.id}`),
      'POST /admin/users/:id/unlock': T(ad, `/admin/users/${worker.id}/unlock`),
      'POST /admin/users/:id/reset-password': T(ad, `/admin/users/${worker.id}/reset-password`),
      'POST /admin/users/:id/role-changes/:requestId/approve': T(
        ad,
        `/admin/users/${worker.id}/role-changes/${change.id}/approve`,
      ),
      'POST /admin/users/:id/role-changes/:requestId/reject': T(
        ad,
        `/admin/users/${worker.id}/role-changes/${change.id}/reject`,
      ),
      'POST /admin/teams': T(ad, '/admin/teams'),
      'POST /admin/working-days/holidays': T(ad, '/admin/working-days/holidays'),
      'POST /admin/working-days/holidays/:date/remove': T(ad, '/admin/working-days/holidays/2031-06-10/remove'),
      'POST /admin/working-days/inactivity': T(ad, '/admin/working-days/inactivity'),
      'POST /admin/api-tokens': T(ad, '/admin/api-tokens'),
      'POST /admin/api-tokens/:id/revoke': T(ad, `/admin/api-tokens/${token.id}/revoke`),
    };
    for (const [k, v] of Object.entries(all)) targets.set(k, v);
    names = fieldNames([kent.childId, kent.targetedId]);
  });

  after(async () => {
    console.log(
      `form fuzz: ${posted} bodies posted to ${targets.size} form routes (${unreadable} refused as unreadable before any route); statuses ${[
        ...seen,
      ]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}`,
    );
    await t.close();
  });

  async function session(who: Target['who']) {
    if (who === 'anonymous') {
      const c = new Client(t.app);
      await c.get('/sign-in');
      return { client: c, token: csrfFrom(c.lastHtml) };
    }
    const key = who.join('/');
    if (!clients.has(key)) {
      const client = await signedIn(t.app, who[0], who[1]);
      clients.set(key, { client, token: csrfFrom((await client.get('/account/password')).body) });
    }
    return clients.get(key)!;
  }

  it('fuzzes every form route the application registers', () => {
    const forms = t.app.registeredRoutes
      .filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(
      forms.filter((f) => !targets.has(f)),
      [],
      'form routes with no fuzz target',
    );
  });

  it('answers every generated body below 500, and writes nothing when it refuses', async () => {
    const failures: string[] = [];
    for (const [route, target] of targets) {
      const field = fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...names) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
      );
      // Most bodies are storable, to reach each form's own validation; some carry what no form could send.
      // eslint-disable-next-line no-control-regex -- a NUL is exactly what the database cannot store
      const storable = (v: string) => !/\u0000|[\ud800-\udfff]|^raw:/.test(v);
      const clean = fc.oneof(
        { weight: 6, arbitrary: fc.string({ maxLength: 30 }) },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE.filter(storable)) },
        { weight: 2, arbitrary: fc.integer().map(String) },
        { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
      );
      const value = fc.oneof(
        { weight: 4, arbitrary: clean },
        { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 12 })) },
      );
      // Mostly a plausible version, so bodies go past it into each form's own validation.
      const version = fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }).map(String) },
        { weight: 1, arbitrary: value },
      );
      const pairs = (v: fc.Arbitrary<string>) => fc.array(fc.tuple(field, v), { maxLength: 10 });
      const body = fc
        .tuple(fc.oneof({ weight: 3, arbitrary: pairs(clean) }, { weight: 1, arbitrary: pairs(value) }), version)
        .map(([ps, v]) => [...ps.filter(([k]) => k !== 'version'), ['version', v] as [string, string]]);
      const seed = [...route].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7);
      await fc.assert(
        fc.asyncProperty(body, async (pairs) => {
          const { client, token } = await session(target.who);
          const before = await fingerprint(t);
          const payload = encode([['_csrf', token], ...pairs.filter(([k]) => k !== '_csrf')]);
          const res = await t.app.inject({
            method: 'POST',
            url: target.url,
            payload,
            headers: {
              cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'content-type': 'application/x-www-form-urlencoded',
            },
          });
          posted += 1;
          seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
          if (
            /The form contained characters that cannot be saved|The form was not recognised|The form could not be read/.test(
              res.body,
            )
          )
            unreadable += 1;
          if (res.statusCode >= 500) failures.push(`${route} answered ${res.statusCode} to ${payload.slice(0, 300)}`);
          else if (res.statusCode >= 400 && (await fingerprint(t)) !== before)
            failures.push(`${route} answered ${res.statusCode} yet wrote something, for ${payload.slice(0, 300)}`);
          return true;
        }),
        {
          numRuns: HOSTILE.length + RUNS + 1,
          seed,
          examples: [
            ...HOSTILE.map((h) => [
              [
                ['version', h],
                ['name', h],
                ['email', h],
                ['note', h],
              ] as [string, string][],
            ]),
            // The same checkbox value twice.
            [
              [
                ['roles', 'social_worker'],
                ['roles', 'social_worker'],
                ['teams', names[0]!],
                ['teams', names[0]!],
                ['inviteeIds', 'x'],
                ['inviteeIds', 'x'],
                ['childIds', 'x'],
                ['childIds', 'x'],
              ],
            ],
          ],
        },
      );
      // A post with no body at all, the CSRF token in its header.
      const { client, token } = await session(target.who);
      const bare = await t.app.inject({
        method: 'POST',
        url: target.url,
        headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'csrf-token': token },
      });
      posted += 1;
      seen.set(bare.statusCode, (seen.get(bare.statusCode) ?? 0) + 1);
      if (bare.statusCode >= 500) failures.push(`${route} answered ${bare.statusCode} to a post with no body`);
    }
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  });

  it('answers every generated multipart body below 500, and keeps no file it refuses (issue 15, attachments)', async () => {
    // The upload form and, since every page context parses multipart, a form that takes no file.
    const upload = targets.get('POST /children/:id/documents/new')!;
    const other = targets.get('POST /children/:id/notes/new')!;
    const { client, token } = await session(upload.who);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const content = fc.oneof(
      fc.constantFrom(pdf, png, Buffer.alloc(0), Buffer.from('plain text named .pdf')),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.concat([pdf, Buffer.from(bytes)])),
    );
    const name = fc.oneof(
      fc.constantFrom('_csrf', 'title', 'kind', 'file', 'file', '__proto__', 'constructor', 'toString', ''),
      fc.string({ maxLength: 12 }),
    );
    const fileName = fc.oneof(
      fc.constantFrom(
        'report.pdf',
        '',
        '..\\..\\evil.pdf',
        'a\u0000b.pdf',
        '\u202egnp.exe',
        'x'.repeat(5000),
        '"quoted".pdf',
      ),
      fc.string({ maxLength: 20 }),
    );
    const part = fc.oneof(
      fc.record({ name, value: fc.oneof(fc.constantFrom(...HOSTILE.filter((h) => h.length < 10_000)), fc.string()) }),
      fc.record({
        name,
        fileName,
        bytes: content,
        type: fc.constantFrom('application/pdf', 'text/plain', 'image/png', ''),
      }),
    );
    const body = fc.record({
      parts: fc.array(part, { maxLength: 6 }),
      token: fc.boolean(),
      cut: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: 400 }) }),
      boundary: fc.oneof(
        { weight: 4, arbitrary: fc.constant('right') },
        { weight: 1, arbitrary: fc.constantFrom('wrong', 'none') },
      ),
      to: fc.oneof({ weight: 4, arbitrary: fc.constant(upload.url) }, { weight: 1, arbitrary: fc.constant(other.url) }),
    });
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(body, async (generated) => {
        const boundary = '----fuzzboundary7MA4YWxkTrZu0gW';
        const chunks: Buffer[] = [];
        const all = generated.token ? [{ name: '_csrf', value: token }, ...generated.parts] : generated.parts;
        for (const one of all) {
          const disposition =
            'fileName' in one
              ? `form-data; name="${one.name}"; filename="${one.fileName}"`
              : `form-data; name="${one.name}"`;
          const type = 'fileName' in one && one.type ? `\r\nContent-Type: ${one.type}` : '';
          chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`, 'utf8'));
          chunks.push('fileName' in one ? one.bytes : Buffer.from(one.value, 'utf8'), Buffer.from('\r\n'));
        }
        chunks.push(Buffer.from(`--${boundary}--\r\n`));
        let payload = Buffer.concat(chunks);
        if (generated.cut >= 0) payload = payload.subarray(0, generated.cut);
        const contentType =
          generated.boundary === 'right'
            ? `multipart/form-data; boundary=${boundary}`
            : generated.boundary === 'wrong'
              ? 'multipart/form-data; boundary=another'
              : 'multipart/form-data';
        const before = await fingerprint(t);
        const res = await t.app.inject({
          method: 'POST',
          url: generated.to,
          payload,
          headers: { cookie, 'content-type': contentType },
        });
        posted += 1;
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        const label = `${generated.to} ${JSON.stringify(generated).slice(0, 300)}`;
        if (res.statusCode >= 500) failures.push(`answered ${res.statusCode} to ${label}`);
        else if (res.statusCode >= 400 && (await fingerprint(t)) !== before)
          failures.push(`answered ${res.statusCode} yet wrote something, for ${label}`);
        return true;
      }),
      { numRuns: 120, seed: 15 },
    );
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
  });

  it('links every error in every summary it showed to a field on that page (issue 11, defect 6)', () => {
    // The page renderer warns of any error linking to nothing on the page it is shown on.
    const lost = [
      ...new Set(
        t.logs
          .filter((l) => l.includes('error summary links to nothing'))
          .map((l) => {
            const e = JSON.parse(l) as { template: string; hrefs: string[] };
            return `${e.template}: ${e.hrefs.join(', ')}`;
          }),
      ),
    ];
    assert.deepEqual(lost, []);
  });

  it('answers pages that read their address’s query below 500, whatever the query', async () => {
    const { db } = t.database;
    const kent = await demoIncident(db, 'kent', 'Ellis');
    const draft = targets.get('POST /incidents/:id/children')!.url.replace(/\/children$/, '');
    const pages: [Target['who'], string][] = [
      [['kent', 'team-manager'], '/cases'],
      [['kent', 'team-manager'], `/children/${kent.childId}/chronology`],
      [['kent', 'dsl'], `${draft}/children`],
      [['kent', 'dsl'], `${draft}/behaviour`],
      [['kent', 'dsl'], `/incidents/${kent.incidentId}/screening/${kent.childId}`],
      [['kent', 'dsl'], '/children/new'],
      [['kent', 'auditor'], '/audit'],
      [['kent', 'social-worker'], '/find-a-child'],
      [['kent', 'dsl'], '/sign-in'],
    ];
    const keys = [
      'q',
      'page',
      'sort',
      'direction',
      'scope',
      'status',
      'kind',
      'from',
      'to',
      'tool',
      'preview',
      'returnTo',
      'incident',
      'role',
      'userId',
      'action',
      'entityId',
      'outcome',
      'reason',
      'name',
      'dateOfBirth-day',
      'dateOfBirth-month',
      'dateOfBirth-year',
      'school',
      'identifier',
    ];
    const failures: string[] = [];
    for (const [who, url] of pages) {
      const { client } = await session(who);
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(
              fc.constantFrom(...keys),
              fc.oneof(fc.constantFrom(...HOSTILE.filter((h) => h.length < 2000)), fc.string({ maxLength: 20 })),
            ),
            { maxLength: 8 },
          ),
          async (pairs) => {
            const res = await t.app.inject({ method: 'GET', url: `${url}?${encode(pairs)}`, headers: { cookie } });
            posted += 1;
            seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500)
              failures.push(`GET ${url} answered ${res.statusCode} to ?${encode(pairs).slice(0, 200)}`);
            return true;
          },
        ),
        {
          numRuns: 30,
          seed: url.length,
          examples: [
            [
              [
                ['q', 'a'],
                ['q', 'b'],
                ['entityId', 'a'],
                ['entityId', 'b'],
                ['action', 'x'],
                ['action', 'y'],
              ],
            ],
          ],
        },
      );
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });

  it('refuses a JSON or text body to a page (415), and the API never answers 500 to any JSON', async () => {
    const { client, token } = await session(['kent', 'team-manager']);
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const [type, payload] of [
      ['application/json', JSON.stringify({ _csrf: token, version: 1, firstName: { nested: true } })],
      ['text/plain', `_csrf=${token}`],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: targets.get('POST /children/:id/edit')!.url,
        payload,
        headers: { cookie, 'content-type': type },
      });
      assert.equal(res.statusCode, 415, type);
    }
    const admin = await demoActor(t.database.db, 'kent', 'administrator');
    const apiToken = (await settingsService.issueToken(t.database.db, admin, { name: 'Fuzz API', days: '30' })).token;
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            procedure: fc.oneof(fc.constant('kent'), fc.string()),
            incidentDate: fc.oneof(fc.string(), fc.integer()),
            child: fc.jsonValue(),
            screening: fc.jsonValue(),
          }),
        ),
        async (json) => {
          const res = await t.app.inject({
            method: 'POST',
            url: '/api/v1/evaluate',
            payload: JSON.stringify(json),
            headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
          });
          posted += 1;
          seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500)
            failures.push(`evaluate answered ${res.statusCode} to ${JSON.stringify(json).slice(0, 300)}`);
          return true;
        },
      ),
      { numRuns: 150, seed: 2026 },
    );
    assert.deepEqual(failures.slice(0, 10), []);
  });
});
