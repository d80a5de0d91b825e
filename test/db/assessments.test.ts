// A North Yorkshire AIM2 assessment through the services, on PGlite and (when TEST_DATABASE_URL is
// set) on PostgreSQL: planned with a trained lead (R-NYO-9), every stage in order, the outcome
// sheet (R-NYO-13), the report shared (R-NYO-14) and completion; a stale save and a change after
// completion are refused, and nothing is partly written.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { londonToday } from '../../src/domain/age.ts';
import { partsFromIso } from '../../src/web/forms.ts';
import * as assessmentService from '../../src/services/assessment-service.ts';
import * as childService from '../../src/services/child-service.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../src/services/context.ts';
import { describeOnEachDatabase } from '../helpers/db.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';

describeOnEachDatabase('AIM assessments', (database) => {
  it('records an AIM2 assessment from plan to completion (R-NYO-9, R-NYO-13, R-NYO-14)', async () => {
    const { db } = database();
    const inc = await demoIncident(db, 'north-yorkshire', 'Ellis');
    const manager = await demoActor(db, 'north-yorkshire', 'team-manager');
    const aim = await demoActor(db, 'north-yorkshire', 'aim-practitioner');
    const yj = await demoActor(db, 'north-yorkshire', 'youth-justice');
    for (const u of [aim, yj])
      await childService.grantAccess(db, manager, inc.childId, {
        userId: u.user.id,
        reason: 'AIM2 assessment',
        days: 60,
      });
    // A read grant gives sight, never write: the manager of the allocated team plans it, naming the assessors (R-X-7).
    await assert.rejects(
      assessmentService.plan(db, aim, inc.childId, {
        leadId: aim.user.id,
        coId: yj.user.id,
        appropriateAdult: 'none',
        appropriateAdultReason: '',
        prosecutionLikely: 'no',
        denies: 'no',
        legalRepAgreed: '',
        participates: 'yes',
      }),
      ForbiddenError,
    );
    const id = await assessmentService.plan(db, manager, inc.childId, {
      leadId: aim.user.id,
      coId: yj.user.id,
      appropriateAdult: 'co',
      appropriateAdultReason: 'Present only briefly; the family asked for them.',
      prosecutionLikely: 'no',
      denies: 'no',
      legalRepAgreed: '',
      participates: 'yes',
    });
    const today = partsFromIso(londonToday());
    const version = async () =>
      (await db.selectFrom('assessments').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    for (const stage of [1, 2, 3]) await assessmentService.recordStage(db, aim, id, await version(), stage, today);
    const stale = (await version()) - 1;
    await assert.rejects(assessmentService.recordStage(db, aim, id, stale, 4, today), ConflictError);
    const blank = { staticConcerns: '', dynamicConcerns: '', staticStrengths: '', dynamicStrengths: '' };
    await assessmentService.saveOutcome(db, yj, id, await version(), {
      profile: {
        offence: { ...blank, dynamicConcerns: 'Secrecy and threats.' },
        developmental: { ...blank },
        family: { ...blank, staticStrengths: 'Stable home.' },
        environment: { ...blank },
      },
      mostConcern: ['offence'],
      supervision: 'high',
      intervention: { youngPerson: 'Consent work.', family: '', environment: '' },
    });
    await assessmentService.saveReport(db, aim, id, await version(), {
      purpose: 'Risk and needs.',
      sources: 'Police and school records.',
      interviews: 'Two with Ellis, one with his parents.',
      referralBehaviour: 'Coerced a younger pupil.',
      presentation: 'Engaged, embarrassed.',
      summary: 'High supervision at school.',
    });
    await assessmentService.recordSharing(db, aim, id, await version(), today, '');
    await assessmentService.recordStage(db, aim, id, await version(), 4, today);
    await assessmentService.complete(db, aim, id, await version());

    const { assessment: a } = await assessmentService.viewAssessment(db, aim, id);
    assert.equal(a.status, 'completed');
    assert.equal(a.mode, 'full');
    assert.deepEqual(Object.keys(a.stages).sort(), ['1', '2', '3', '4']);
    assert.equal(a.stages[4], londonToday());
    assert.equal(a.sharedOn, londonToday());
    assert.equal(a.outcome?.supervision, 'high');
    assert.equal(a.outcome?.profile.offence.dynamicConcerns, 'Secrecy and threats.');
    assert.equal(a.checks.appropriateAdult, 'co');
    await assert.rejects(
      assessmentService.recordSharing(db, aim, id, await version(), today, 'Late note'),
      ForbiddenError,
    );
    const entries = await db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('child_id', '=', inc.childId)
      .where('kind', '=', 'assessment')
      .execute();
    assert.equal(
      entries.length,
      1 + 4 + 1 + 1 + 1 + 1,
      'planned, four stages, outcome sheet, report, report shared, completed',
    );
    assert.equal(a.report?.presentation, 'Engaged, embarrassed.');
  });

  it('lets only one of two people planning at the same moment succeed, writing nothing for the other', async () => {
    const { db } = database();
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const worker = await demoActor(db, 'kent', 'social-worker');
    const manager = await demoActor(db, 'kent', 'team-manager');
    const aim = await demoActor(db, 'kent', 'aim-practitioner');
    const input = {
      leadId: aim.user.id,
      coId: worker.user.id,
      appropriateAdult: 'none',
      appropriateAdultReason: '',
      prosecutionLikely: 'no',
      denies: 'no',
      legalRepAgreed: '',
      participates: 'yes',
    } as const;
    const results = await Promise.allSettled([
      assessmentService.plan(db, worker, inc.childId, input),
      assessmentService.plan(db, manager, inc.childId, input),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(failed.reason instanceof ValidationError, String(failed.reason));
    assert.equal(
      (await db.selectFrom('assessments').select('id').where('child_id', '=', inc.childId).execute()).length,
      1,
    );
    const planned = await db
      .selectFrom('chronology_entries')
      .select('summary')
      .where('child_id', '=', inc.childId)
      .where('kind', '=', 'assessment')
      .execute();
    assert.equal(planned.length, 1, 'one chronology entry: nothing written for the refused plan');
  });
});
