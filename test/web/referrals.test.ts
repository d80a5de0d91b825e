// Referral to the front door from a decided screening: a separate referral for each child when
// the behaviour is harmful (R-NYO-4), the receiving team sees the records, and a manager screens
// each referral to one of the pack's outcomes within the pack's timescale (R-NYO-8).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { londonToday } from '../../src/domain/age.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import * as screeningService from '../../src/services/screening-service.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';
import { referralBody } from '../helpers/referrals.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('referrals', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('refers each child separately when harmful, and a manager screens each referral (R-NYO-4, R-NYO-8)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'north-yorkshire', 'Toby');
    const dslActor = await demoActor(db, 'north-yorkshire', 'dsl');
    const sid = await screeningService.recordAnswers(db, dslActor, inc.incidentId, inc.childId, {
      toolId: 'brook',
      answers: { items: ['red-planning', 'red-power'] },
      facts: { significant_harm: true, police_involved: false, mental_disorder: false, other_children_at_risk: false },
    });
    await screeningService.decide(db, dslActor, sid, {
      levelId: 'red',
      rationale: 'Persuaded a younger child in the toilets.',
    });

    const frontDoor = await signedIn(t.app, 'north-yorkshire', 'front-door');
    assert.equal(
      (await frontDoor.get(paths.children.show(inc.childId))).statusCode,
      404,
      'no access before the referral',
    );

    const dsl = await signedIn(t.app, 'north-yorkshire', 'dsl');
    const page = text((await dsl.get(paths.screening.show(sid))).body);
    assert.match(page, /each child gets a separate referral and record/);
    const made = await dsl.post(paths.referrals.create(sid), referralBody([inc.childId, inc.targetedId]), {
      tokenFrom: paths.referrals.new(sid),
    });
    assert.equal(made.statusCode, 303);
    const rows = await db
      .selectFrom('referrals')
      .select(['id', 'child_id', 'due_on', 'status'])
      .where('incident_id', '=', inc.incidentId)
      .execute();
    assert.deepEqual(rows.map((r) => r.child_id).sort(), [inc.childId, inc.targetedId].sort());
    assert.equal(rows[0]!.due_on, new WorkingDayCalendar().addWorkingDays(londonToday(), 1));
    const referralTasks = await db
      .selectFrom('tasks')
      .select(['step_id', 'status'])
      .where('incident_id', '=', inc.incidentId)
      .where('step_id', 'in', ['cfs-referral', 'cfs-referral-targeted'])
      .execute();
    assert.deepEqual(
      referralTasks.map((x) => x.status),
      ['done', 'done'],
      'the referral steps are done',
    );
    assert.doesNotMatch(
      text((await dsl.get(paths.screening.show(sid))).body),
      /Refer each child/,
      'no second referral',
    );

    // The front door now sees both children, on the record (domain rule) and in the case list (SQL).
    const record = text((await frontDoor.get(paths.children.show(inc.childId))).body);
    assert.match(record, /Your team received a referral about this child/);
    assert.match(text((await frontDoor.get('/cases?scope=all')).body), /Isla Rowanford/);
    const list = text((await frontDoor.get(paths.referrals.list())).body);
    assert.match(list, /Toby Alderbrook .* Waiting/);
    const refId = rows.find((r) => r.child_id === inc.childId)!.id;
    const view = await frontDoor.get(paths.referrals.show(refId));
    assert.match(text(view.body), /A team manager records the screening decision/);
    assert.equal(
      (await frontDoor.post(paths.referrals.decide(refId), { version: '1', outcome: 'assessment', rationale: 'x' }))
        .statusCode,
      403,
    );

    const manager = await signedIn(t.app, 'north-yorkshire', 'team-manager');
    await manager.get(paths.referrals.show(refId));
    const bad = await manager.post(paths.referrals.decide(refId), { version: '1', outcome: '', rationale: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /Select the outcome of the screening/);
    assert.match(text(bad.body), /Enter the reasons for the decision/);
    assert.match(
      text(bad.body),
      /Start an assessment by Children and Families Service .* Consider whether a strategy meeting should be held .* Refer to a more appropriate agency/,
    );
    const ok = await manager.post(paths.referrals.decide(refId), {
      version: '1',
      outcome: 'strategy',
      rationale: 'Significant harm suspected; police to be involved.',
    });
    assert.equal(ok.statusCode, 303);
    assert.match(
      text((await manager.get(paths.referrals.show(refId))).body),
      /Outcome Consider whether a strategy meeting should be held/,
    );
    // The outcome sets the next task on the same list as routing, ready to arrange the meeting.
    const next = await db
      .selectFrom('tasks')
      .select(['title', 'arranges', 'owner_role', 'requirement_id'])
      .where('child_id', '=', inc.childId)
      .where('step_id', '=', 'referral-strategy')
      .executeTakeFirstOrThrow();
    assert.deepEqual(next, {
      title: 'Hold a strategy meeting',
      arranges: 'strategy-meeting',
      owner_role: 'team_manager',
      requirement_id: 'R-NYO-8',
    });
    const chronology = text((await manager.get(paths.children.chronology(inc.childId))).body);
    assert.match(
      chronology,
      /Referral screened by North Yorkshire team manager: Consider whether a strategy meeting should be held/,
    );
    assert.match(chronology, /Referred to Children and Families Service/);
    // Issue 11 defect 10: the referral's entries open the referral, not the incident.
    const referralLinks = [
      ...(await manager.get(paths.children.chronology(inc.childId))).body.matchAll(
        /href="(\/referrals\/[0-9a-f-]{36})">View the referral/g,
      ),
    ].map((m) => m[1]);
    assert.ok(referralLinks.length >= 2, 'both referral entries link to the referral');
    assert.equal((await manager.get(referralLinks[0]!)).statusCode, 200);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('action', 'like', 'referral.%')
      .execute();
    assert.ok(audit.some((a) => a.action === 'referral.decide' && a.outcome === 'refused'));
    assert.equal(audit.filter((a) => a.action === 'referral.create' && a.outcome === 'ok').length, 2);
  });
});
