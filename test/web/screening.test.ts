// Screening, the decision and the task lists through the real application, with CSRF and
// sessions on (R-X-9, R-X-3, R-THU-7, R-NEL-4).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { londonToday } from '../../src/domain/age.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { paths } from '../../src/web/paths.ts';
import { signedIn, startTestApp, type TestApp } from '../helpers/app.ts';
import { demoIncident } from '../helpers/cases.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('screening pages', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('walks a DSL from the incident to a decision and the tasks, with every error next to its field', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const dsl = await signedIn(t.app, 'kent', 'dsl');
    const incident = await dsl.get(paths.incidents.show(inc.incidentId));
    assert.match(incident.body, new RegExp(paths.screening.start(inc.incidentId, inc.childId)));

    const form = await dsl.get(paths.screening.start(inc.incidentId, inc.childId));
    assert.equal(form.statusCode, 200);
    assert.match(text(form.body), /Carson \(2014\) checklist/);
    assert.match(text(form.body), /Power dynamics/);
    assert.match(text(form.body), /AIM2 assessment, led by NELFT/);

    const empty = await dsl.post(paths.screening.start(inc.incidentId, inc.childId), {
      tool: 'carson',
      'rating-type': 'harmful',
    });
    assert.equal(empty.statusCode, 400);
    const summary = text(empty.body);
    assert.match(summary, /Select a rating for context of the behaviour/);
    assert.match(summary, /Select yes if significant harm is suspected, no if not, or not known/);
    assert.match(empty.body, /href="#rating-power"/);
    assert.match(empty.body, /value="harmful" checked/, 'what was typed is kept');

    const ratings = {
      'rating-type': 'harmful',
      'rating-context': 'harmful',
      'rating-emotional-response': 'problematic',
      'rating-targeted-response': 'harmful',
      'rating-power': 'harmful',
      'rating-frequency': 'healthy',
      'rating-persistence': 'healthy',
      'rating-parental-response': 'healthy',
    };
    const facts = {
      'fact-significant_harm': 'yes',
      'fact-youth_justice': 'no',
      'fact-open_case': 'no',
      'fact-other_children_at_risk': 'yes',
    };
    const posted = await dsl.post(paths.screening.start(inc.incidentId, inc.childId), {
      tool: 'carson',
      ...ratings,
      ...facts,
    });
    assert.equal(posted.statusCode, 303);
    const screeningUrl = posted.headers.location as string;
    const suggestion = await dsl.get(screeningUrl);
    const s = text(suggestion.body);
    assert.match(s, /Suggestion: Harmful/);
    assert.match(s, /Power dynamics: harmful\. .* \( ?Kent procedure, section 3 ?\)/);
    assert.match(s, /Front Door decides the response/);
    assert.match(s, /Within 1 working day of the decision/);
    assert.match(s, /Islington.*Category 2: abusive or Category 3: violent/);
    const otherLevel = text((await dsl.get(`${screeningUrl}?preview=healthy`)).body);
    assert.match(otherLevel, /Next steps for Healthy/);
    assert.match(otherLevel, /If unsure, ask for a consultation/);
    assert.doesNotMatch(otherLevel, /Front Door decides the response/);

    const noReason = await dsl.post(paths.screening.decide(screeningUrl.split('/').pop()!), {
      level: 'problematic',
      rationale: '',
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(text(noReason.body), /Enter why you chose a different level from the one suggested/);
    assert.match(noReason.body, /value="problematic" checked/);

    const decided = await dsl.post(paths.screening.decide(screeningUrl.split('/').pop()!), {
      level: 'harmful',
      rationale: 'Planned, with a much younger pupil who was frightened.',
    });
    assert.equal(decided.statusCode, 303);
    const after = text((await dsl.get(screeningUrl)).body);
    assert.match(after, /Level of concern Harmful/);
    assert.match(after, /Decided by .*Designated safeguarding lead|Decided by/);
    assert.match(after, /Kent procedure ?, 2\.2\.2, amended November 2021/);
    const due = new WorkingDayCalendar().addWorkingDays(londonToday(), 1);
    const tasks = text((await dsl.get(paths.children.tasks(inc.childId))).body);
    assert.match(tasks, /Front Door decides the response/);
    assert.match(
      tasks,
      new RegExp(
        new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${due}T12:00:00Z`),
        ),
      ),
    );
    assert.match(tasks, /Refer to the Front Door/);
    assert.doesNotMatch(
      tasks,
      /Allocate the child harmed their own social worker/,
      'that task is on the other child’s record',
    );
    assert.match(
      text((await dsl.get(paths.children.tasks(inc.targetedId))).body),
      /Allocate the child harmed their own social worker/,
    );
    const incidentAfter = text((await dsl.get(paths.incidents.show(inc.incidentId))).body);
    assert.match(incidentAfter, /Level of concern: Harmful ?, decided/);
    assert.match(incidentAfter, /Screen again of Ellis Hawthorn/);
  });

  it('lets a task be taken on and marked done, and shows it in My tasks overdue first (R-X-3)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const frontDoor = await signedIn(t.app, 'kent', 'team-manager');
    const task = await db
      .selectFrom('tasks')
      .select(['id'])
      .where('child_id', '=', inc.childId)
      .where('step_id', '=', 'strategy-discussion')
      .executeTakeFirstOrThrow();
    await db.updateTable('tasks').set({ due_on: '2026-01-05' }).where('id', '=', task.id).execute();
    const page = await frontDoor.get(paths.tasks.show(task.id));
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Overdue/);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    assert.equal((await frontDoor.post(paths.tasks.assign(task.id), { version })).statusCode, 303);
    const mine = text((await frontDoor.get(paths.tasks.mine())).body);
    assert.match(mine, /My tasks .* 1 overdue/);
    assert.match(mine, /^(?:(?!No set date).)*Convene a strategy discussion/);
    const v2 = /name="version" value="(\d+)"/.exec((await frontDoor.get(paths.tasks.show(task.id))).body)![1]!;
    const done = await frontDoor.post(paths.tasks.complete(task.id), {
      version: v2,
      note: 'Strategy discussion held with police and education.',
    });
    assert.equal(done.statusCode, 303);
    assert.match(
      text((await frontDoor.get(paths.tasks.show(task.id))).body),
      /Done .* Strategy discussion held with police/,
    );
    const chronology = text((await frontDoor.get(paths.children.chronology(inc.childId))).body);
    assert.match(chronology, /Task done: Convene a strategy discussion/);
  });

  it('refuses screening and tasks to those without need to know, answering 404 and auditing (R-X-7)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'kent', 'Ellis');
    const task = await db
      .selectFrom('tasks')
      .select('id')
      .where('child_id', '=', inc.childId)
      .executeTakeFirstOrThrow();
    const screening = await db
      .selectFrom('screenings')
      .select('id')
      .where('child_id', '=', inc.childId)
      .executeTakeFirstOrThrow();
    const outsider = await signedIn(t.app, 'kent', 'social-worker-b');
    for (const url of [
      paths.screening.start(inc.incidentId, inc.childId),
      paths.screening.show(screening.id),
      paths.tasks.show(task.id),
      paths.children.tasks(inc.childId),
    ]) {
      assert.equal((await outsider.get(url)).statusCode, 404, url);
    }
    const other = await signedIn(t.app, 'islington', 'dsl');
    assert.equal((await other.get(paths.screening.show(screening.id))).statusCode, 404);
    const refused = await db
      .selectFrom('audit_events')
      .select(['action'])
      .where('outcome', '=', 'refused')
      .where('action', 'in', ['screening.view', 'task.view', 'tasks.view'])
      .execute();
    assert.ok(refused.length >= 4);
    // The child harmed is not screened from here: only a child who displayed the behaviour is.
    const dsl = await signedIn(t.app, 'kent', 'dsl');
    assert.equal((await dsl.get(paths.screening.start(inc.incidentId, inc.targetedId))).statusCode, 404);
  });

  it('offers Brook only to trained staff in North East Lincolnshire (R-NEL-4) and shows typical behaviour for the age', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'north-east-lincolnshire', 'Toby');
    const manager = await signedIn(t.app, 'north-east-lincolnshire', 'team-manager');
    const form = text((await manager.get(paths.screening.start(inc.incidentId, inc.childId))).body);
    assert.match(
      form,
      /The Brook Traffic Light characteristics is available only to staff with Brook Traffic Light tool training/,
    );
    assert.match(form, /Typical behaviour for the child’s age or stage/);
    const refused = await manager.post(paths.screening.start(inc.incidentId, inc.childId), {
      tool: 'brook',
      items: 'red-power',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(
      text(refused.body),
      /Only staff with Brook Traffic Light tool training can use the Brook Traffic Light characteristics/,
    );
    const dsl = await signedIn(t.app, 'north-east-lincolnshire', 'dsl');
    const brook = text((await dsl.get(`${paths.screening.start(inc.incidentId, inc.childId)}?tool=brook`)).body);
    assert.match(brook, /Green/);
    assert.match(brook, /Use the Typical behaviour by age and the signs that behaviour may be concerning instead/);
  });

  it('flags an open case with no activity for the set number of working days, on the record and the case list (R-THU-7)', async () => {
    const { db } = t.database;
    const kai = await db
      .selectFrom('children')
      .select('id')
      .where('authority_id', '=', 'thurrock')
      .where('first_name', '=', 'Kai')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('children')
      .set({ last_activity_at: new Date(Date.now() - 40 * 86_400_000) })
      .where('id', '=', kai.id)
      .execute();
    const manager = await signedIn(t.app, 'thurrock', 'team-manager');
    assert.match(
      text((await manager.get(paths.children.show(kai.id))).body),
      /No activity recorded for 10 working days or more/,
    );
    assert.match(text((await manager.get('/cases?scope=all')).body), /No activity for 10 working days/);
    const admin = await signedIn(t.app, 'thurrock', 'admin');
    await admin.get(paths.admin.workingDays());
    const bad = await admin.post(paths.admin.inactivity(), { inactivityDays: 'ten' });
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /Working days must be a whole number between 1 and 60/);
    assert.equal((await admin.post(paths.admin.inactivity(), { inactivityDays: '60' })).statusCode, 303);
    assert.doesNotMatch(text((await manager.get(paths.children.show(kai.id))).body), /No activity recorded/);
  });

  it('lets an administrator add a one-off bank holiday, with GOV.UK errors', async () => {
    const admin = await signedIn(t.app, 'islington', 'admin');
    const page = text((await admin.get(paths.admin.workingDays())).body);
    assert.match(page, /Boxing Day \(substitute day\)|28 December 2026/);
    const bad = await admin.post(paths.admin.holidays(), {
      'date-day': '31',
      'date-month': '2',
      'date-year': '2027',
      name: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /Date of the holiday must be a real date/);
    assert.match(bad.body, /href="#date-day"/);
    const ok = await admin.post(paths.admin.holidays(), {
      'date-day': '7',
      'date-month': '6',
      'date-year': '2027',
      name: 'State occasion',
    });
    assert.equal(ok.statusCode, 303);
    assert.match(text((await admin.get(paths.admin.workingDays())).body), /7 June 2027: State occasion One-off/);
    const worker = await signedIn(t.app, 'islington', 'social-worker');
    assert.equal((await worker.get(paths.admin.workingDays())).statusCode, 403);
  });

  it('shows each procedure in plain English with its clauses, and Islington’s passed review date (R-X-10)', async () => {
    const worker = await signedIn(t.app, 'islington', 'social-worker');
    const list = text((await worker.get(paths.procedures.list())).body);
    assert.match(list, /London Borough of Islington \(yours\)/);
    assert.match(list, /Review overdue/);
    const page = text((await worker.get(paths.procedures.show('islington'))).body);
    assert.match(page, /The review date, 31 October 2017, has passed/);
    assert.match(page, /Hold an HSB strategy meeting/);
    assert.match(page, /Within 3 working days of the decision/);
    assert.match(
      page,
      /When the level is Category 2: abusive or Category 3: violent, and not: immediate protection needed, and not: particularly complex/,
    );
    assert.equal((await worker.get(paths.procedures.show('nowhere'))).statusCode, 404);
  });

  it('says where the decision is made that Islington’s procedure passed its review date, and not for a procedure in date (issue 11 defect 16)', async () => {
    const { db } = t.database;
    const warning =
      /The Islington procedure was due for review by 31 October 2017\. Check with the procedure’s owner that it is still the version in force before you decide/;
    const isl = await demoIncident(db, 'islington', 'Ellis');
    const dsl = await signedIn(t.app, 'islington', 'dsl');
    const form = await dsl.get(paths.screening.start(isl.incidentId, isl.childId));
    assert.match(text(form.body), warning);
    const posted = await dsl.post(paths.screening.start(isl.incidentId, isl.childId), {
      tool: 'islington-categories',
      items: 'c1-unusual',
      'fact-significant_harm': 'no',
      'fact-immediate_risk': 'no',
      'fact-complex': 'no',
      'fact-open_case': 'no',
      'fact-cse_linked': 'no',
    });
    assert.equal(posted.statusCode, 303, text(posted.body).slice(0, 2000));
    const manager = await signedIn(t.app, 'islington', 'team-manager');
    const decide = text((await manager.get(posted.headers.location as string)).body);
    assert.match(decide, /What is the level of concern\?/);
    assert.match(decide, warning);
    const kent = await demoIncident(db, 'kent', 'Ellis');
    const kentForm = await (
      await signedIn(t.app, 'kent', 'dsl')
    ).get(paths.screening.start(kent.incidentId, kent.childId));
    assert.doesNotMatch(text(kentForm.body), /was due for review/);
  });

  it('takes “Not known” as an honest answer: routing takes it as not established and says what would follow if it were so (issue 11 defect 14)', async () => {
    const { db } = t.database;
    const inc = await demoIncident(db, 'islington', 'Ellis');
    const dsl = await signedIn(t.app, 'islington', 'dsl');
    const form = await dsl.get(paths.screening.start(inc.incidentId, inc.childId));
    assert.match(form.body, /id="fact-significant_harm-3"[^>]*value="not-known"/);
    const posted = await dsl.post(paths.screening.start(inc.incidentId, inc.childId), {
      tool: 'islington-categories',
      items: 'c2-coercion',
      'fact-significant_harm': 'yes',
      'fact-immediate_risk': 'not-known',
      'fact-complex': 'no',
      'fact-open_case': 'no',
      'fact-cse_linked': 'no',
    });
    assert.equal(posted.statusCode, 303, text(posted.body).slice(0, 1500));
    const stored = await db
      .selectFrom('screenings')
      .select('facts')
      .where('incident_id', '=', inc.incidentId)
      .executeTakeFirstOrThrow();
    assert.equal((stored.facts as Record<string, unknown>)['immediate_risk'], null, 'kept as not known, not as no');
    const manager = await signedIn(t.app, 'islington', 'team-manager');
    const page = text((await manager.get(posted.headers.location as string)).body);
    assert.match(page, /Immediate protection needed Not known/);
    assert.match(page, /Not known yet/);
    assert.match(page, /If a child needs immediate protection: the next steps would also include/);
    assert.match(page, /Hold an HSB strategy meeting/, 'routed as not established meanwhile');
  });
});
