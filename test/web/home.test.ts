// The home page (issue 11): every case-work role of Kent and North Yorkshire (and the panel chair
// of North East Lincolnshire, the coordinator of Islington) lands on a page of their own work,
// each item with the child's name, the date in words and one link; empty sections say so; no
// child they may not see is named there (R-X-7), and the child harmed is shown only by their part
// to someone who may see only the child who harmed (R-X-1). The case lists show each child's
// level of concern and next task.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedDemoScreenings } from '../../src/cli/demo-data.ts';
import { addCalendarDays } from '../../src/domain/working-days.ts';
import { londonToday } from '../../src/domain/age.ts';
import { formatDate } from '../../src/domain/london-time.ts';
import * as tasks from '../../src/repositories/tasks.ts';
import { basesFor } from '../../src/services/access.ts';
import * as childService from '../../src/services/child-service.ts';
import { paths } from '../../src/web/paths.ts';
import { Client, type TestApp, demoEmail, signedIn, startTestApp } from '../helpers/app.ts';
import { demoActor, demoIncident } from '../helpers/cases.ts';
import { daysAhead } from '../helpers/schedule.ts';

/** The demo meeting in each authority meets a week ahead (issue 15). */
const inAWeek = daysAhead(7);

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The text of one section of the home page: from its heading to the next. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start > 0, `no section ${id}`);
  const end = html.indexOf('<h2', start);
  return text(html.slice(start, end === -1 ? undefined : end).replace(/^[^>]*>/, ''));
}

const SECTIONS = ['due-soon', 'later', 'referrals', 'meetings', 'drafts', 'changes'] as const;
type Section = (typeof SECTIONS)[number];
const EMPTY: Record<Section, string> = {
  'due-soon': 'No tasks overdue or due in the next 5 working days.',
  later: 'No other tasks to do.',
  referrals: 'No referrals waiting.',
  meetings: 'No meetings coming up.',
  drafts: 'No unfinished recording forms.',
  changes: 'No changes to your cases in the last 14 days.',
};

describe('the home page of a person’s work (issue 11)', () => {
  let t: TestApp;
  const drafts = new Map<string, string>();
  const ydue = new Map<string, string>();

  before(async () => {
    t = await startTestApp();
    const { db } = t.database;
    // Each authority's online incident screened, referred, its referral screened to a strategy
    // meeting, the meeting arranged, an AIM assessment planned; Toby referred to North East
    // Lincolnshire's panel. The second incident (Toby and Isla) is left for the DSL to screen.
    await seedDemoScreenings(db);
    for (const authority of ['kent', 'north-yorkshire']) {
      const inc = await demoIncident(db, authority, 'Ellis');
      // The DSL has a recording form half done.
      const dsl = await signedIn(t.app, authority, 'dsl');
      const start = await dsl.post(paths.incidents.start(), {}, { tokenFrom: paths.incidents.start() });
      drafts.set(authority, String(start.headers.location).split('/')[2]!);
      // Youth Justice owes a task on Ellis that was due a week ago.
      const due = addCalendarDays(londonToday(), -7);
      ydue.set(authority, due);
      await tasks.insertTask(db, {
        authorityId: authority,
        childId: inc.childId,
        incidentId: inc.incidentId,
        screeningId: null,
        stepId: 'test-youth-justice',
        title: 'Give the Youth Justice view on Ellis’s case',
        detail: 'A test task.',
        kind: 'do',
        ownerRole: 'youth_justice',
        assignedTo: null,
        dueOn: due,
        dueRule: 'Within 5 working days (test)',
        clause: 'test',
        requirementId: 'R-TEST',
      });
      // Ellis's social worker is invited, with their account, to the strategy meeting about Ellis
      // and Maya: they may see Ellis's record, not Maya's.
      const meeting = await db
        .selectFrom('meeting_children')
        .select('meeting_id')
        .where('child_id', '=', inc.childId)
        .executeTakeFirstOrThrow();
      const sw = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', demoEmail(authority, 'social-worker'))
        .executeTakeFirstOrThrow();
      await db
        .insertInto('meeting_invitees')
        .values({
          meeting_id: meeting.meeting_id,
          invitee_id: 'added',
          role_label: 'Social worker',
          name: 'Social worker',
          agency: 'Children’s Services',
          user_id: sw.id,
          sort: 99,
        })
        .execute();
      // The police officer is given a read grant on Ellis's record: sight, never work.
      const police = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', demoEmail(authority, 'police'))
        .executeTakeFirstOrThrow();
      await childService.grantAccess(db, await demoActor(db, authority, 'team-manager'), inc.childId, {
        userId: police.id,
        reason: 'Police enquiry',
        days: 30,
      });
    }
  });
  after(async () => t?.close());

  /** The home page as this person, after checking it names no child they may not see. */
  async function home(authority: string, role: string) {
    const c = await signedIn(t.app, authority, role);
    const res = await c.get(paths.homePage());
    assert.equal(res.statusCode, 200, `${role}@${authority}: ${res.statusCode}`);
    const page = text(res.body);
    assert.match(page, /Your work/);
    const { db } = t.database;
    const actor = await demoActor(db, authority, role);
    const kids = await db
      .selectFrom('children')
      .select(['id', 'first_name', 'last_name'])
      .where('authority_id', '=', authority)
      .execute();
    const sight = await basesFor(
      db,
      actor,
      kids.map((k) => k.id),
    );
    // A meeting's chair sees the names of every child at it (R-X-1).
    const chaired = await db
      .selectFrom('meetings as m')
      .innerJoin('meeting_children as mc', 'mc.meeting_id', 'm.id')
      .select('mc.child_id')
      .where('m.chair_id', '=', actor.user.id)
      .execute();
    for (const k of kids) {
      if ((sight.get(k.id) ?? []).length || chaired.some((x) => x.child_id === k.id)) continue;
      assert.doesNotMatch(
        page,
        new RegExp(`\\b${k.first_name} ${k.last_name}\\b`),
        `${role}@${authority} is shown ${k.first_name}, whom they may not see`,
      );
    }
    // Dates read in words, never as ISO dates.
    assert.doesNotMatch(page, /\b\d{4}-\d{2}-\d{2}\b/, `${role}@${authority}: a date not in words`);
    const audited = await db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('request_id', '=', String(res.headers['x-request-id']))
      .where('action', '=', 'home.work')
      .execute();
    assert.equal(audited.length, 1, 'the view of the home page is audited');
    assert.equal(audited[0]!.outcome, 'ok');
    const s = Object.fromEntries(SECTIONS.map((id) => [id, section(res.body, id)])) as Record<Section, string>;
    return { c, res, page, s };
  }

  const empty = (s: Record<Section, string>, ...ids: Section[]) => {
    for (const id of ids)
      assert.match(s[id], new RegExp(EMPTY[id].replace(/\./g, '\\.')), `${id} should be empty: ${s[id]}`);
  };

  it('lands every case-work role on it from sign-in and from "/", and keeps administrators and auditors on their own pages', async () => {
    for (const [role, landing] of [
      ['dsl', paths.homePage()],
      ['team-manager', paths.homePage()],
      ['police', paths.homePage()],
      ['admin', paths.admin.users()],
      ['auditor', paths.audit()],
    ] as const) {
      const c = new Client(t.app);
      const signIn = await c.signIn(demoEmail('kent', role));
      assert.equal(signIn.statusCode, 303);
      assert.equal(signIn.headers.location, paths.home());
      const next = await c.get(String(signIn.headers.location));
      assert.equal(next.statusCode, 303);
      assert.equal(next.headers.location, landing, role);
    }
    const admin = await signedIn(t.app, 'kent', 'admin');
    assert.equal((await admin.get(paths.homePage())).statusCode, 403);
  });

  for (const authority of ['kent', 'north-yorkshire']) {
    describe(`in ${authority}`, () => {
      const ellis = 'Ellis Hawthorn';
      const maya = 'Maya Larchwood';
      const toby = 'Toby Alderbrook';
      const mayaReferralDue = async () => {
        const { db } = t.database;
        const r = await db
          .selectFrom('referrals as r')
          .innerJoin('children as c', 'c.id', 'r.child_id')
          .select('r.due_on')
          .where('r.authority_id', '=', authority)
          .where('c.first_name', '=', 'Maya')
          .executeTakeFirstOrThrow();
        return formatDate(r.due_on);
      };

      it('shows the DSL their unfinished recording form, the referral they made waiting, and the incident to screen', async () => {
        const { res, s } = await home(authority, 'dsl');
        assert.ok(res.body.includes(`href="${paths.incidents.check(drafts.get(authority)!)}"`), 'a link to the draft');
        assert.match(s.drafts, /Recording form, not yet dated/);
        assert.match(
          s.referrals,
          new RegExp(`See the referral ${maya} Decision due by ${await mayaReferralDue()} You made this referral`),
        );
        assert.match(s.later, new RegExp(`Screen the incident ${toby}`));
        const inc = await demoIncident(t.database.db, authority, 'Toby');
        assert.ok(res.body.includes(`href="${paths.screening.start(inc.incidentId, inc.childId)}"`));
        assert.doesNotMatch(s.meetings, /Strategy/, 'the DSL is not at the meeting');
      });

      it('shows the team manager the referral to screen, the meeting they chair and the task to hold it', async () => {
        const { s } = await home(authority, 'team-manager');
        assert.match(s.referrals, new RegExp(`Screen the referral ${maya} Decision due by ${await mayaReferralDue()}`));
        // Due within a working day: also in the work due soon.
        assert.match(
          s['due-soon'],
          new RegExp(
            `Screen the referral ${maya} Decision due by ${await mayaReferralDue()} From ${authority === 'kent' ? 'Kent' : 'North Yorkshire'} DSL, to Front Door, received .* Due soon`,
          ),
        );
        const type = authority === 'kent' ? 'Strategy discussion' : 'Strategy meeting';
        assert.match(
          s.meetings,
          new RegExp(
            `${type} ${ellis} and ${maya} Meets 10:30am to midday, ${formatDate(inAWeek)} Chaired by you Minutes not yet recorded`,
          ),
        );
        assert.match(s.later, new RegExp(`Record the minutes of the ${type.toLowerCase()} ${ellis} and ${maya}`));
        assert.match(
          s.later,
          new RegExp(
            `${authority === 'kent' ? 'Convene a strategy discussion' : 'Hold a strategy meeting'} ${ellis} No set date`,
          ),
        );
        assert.match(s.changes, new RegExp(ellis), 'what others recorded on Ellis');
      });

      it('shows the front door the referral their team received, which a manager screens', async () => {
        const { s } = await home(authority, 'front-door');
        assert.match(s.referrals, new RegExp(`See the referral ${maya} Decision due by ${await mayaReferralDue()}`));
        assert.doesNotMatch(s.referrals, /Screen the referral/);
        if (authority === 'north-yorkshire') {
          const { db } = t.database;
          const task = await db
            .selectFrom('tasks')
            .select('due_on')
            .where('authority_id', '=', authority)
            .where('title', '=', 'Log the referral and pass it to Children and Families Service')
            .executeTakeFirstOrThrow();
          assert.match(
            `${s['due-soon']} ${s.later}`,
            new RegExp(
              `Log the referral and pass it to Children and Families Service ${ellis} Due by ${formatDate(task.due_on)}`,
            ),
          );
        }
        empty(s, 'meetings', 'drafts');
      });

      it('shows Ellis’s social worker the assessment they co-work and the meeting about Ellis, with the child harmed by their part only', async () => {
        const { s, page } = await home(authority, 'social-worker');
        assert.match(s.later, new RegExp(`Continue the AIM2 assessment ${ellis} No set date Next: Stage 1`));
        assert.match(s.meetings, new RegExp(`${ellis} and Another child \\(a child harmed\\)`));
        assert.doesNotMatch(page, /Maya/);
        empty(s, 'referrals', 'drafts');
      });

      it('shows Youth Justice the overdue task their service owes, with its date in words', async () => {
        const { s } = await home(authority, 'youth-justice');
        assert.match(
          s['due-soon'],
          new RegExp(
            `Give the Youth Justice view on Ellis’s case ${ellis} Due by ${formatDate(ydue.get(authority))} Not yet assigned: for your role Overdue`,
          ),
        );
        empty(s, 'referrals', 'meetings', 'drafts');
      });

      it('shows the AIM practitioner the assessment they lead, and nothing of the child harmed', async () => {
        const { s, page } = await home(authority, 'aim-practitioner');
        assert.match(s.later, new RegExp(`Continue the AIM2 assessment ${ellis} No set date Next: Stage 1`));
        assert.doesNotMatch(page, /Maya/);
        empty(s, 'due-soon', 'referrals', 'meetings', 'drafts');
      });

      it('shows the police officer with a read grant the changes on Ellis’s record, the meeting they are invited to, and no work', async () => {
        const { s, page } = await home(authority, 'police');
        const tm = authority === 'kent' ? 'Kent' : 'North Yorkshire';
        assert.match(
          s.changes,
          new RegExp(
            `${ellis} : ${tm} police given access for 30 days: Police enquiry Access granted, recorded by ${tm} team manager on `,
          ),
        );
        assert.doesNotMatch(page, /Maya/);
        // Invited to the demo meeting by name (issue 15): Ellis by name through the grant, Maya by her part only.
        assert.match(
          s.meetings,
          new RegExp(`${ellis} and Another child \\(a child harmed\\) Meets 10:30am to midday, ${formatDate(inAWeek)}`),
        );
        empty(s, 'due-soon', 'later', 'referrals', 'drafts');
      });

      it('says in words that each section is empty for the panel chair and the coordinator, who have nothing here', async () => {
        for (const role of ['panel-chair', 'cse-coordinator']) {
          const { s } = await home(authority, role);
          empty(s, ...SECTIONS);
        }
      });

      it('shows each child’s level of concern and next task in the case lists', async () => {
        const worker = await signedIn(t.app, authority, 'social-worker');
        const mine = text((await worker.get(paths.cases())).body);
        assert.match(mine, /Level of concern Next due/);
        assert.match(mine, new RegExp(`${ellis} .* ${authority === 'kent' ? 'Harmful' : 'Red'} `));
        const manager = await signedIn(t.app, authority, 'team-manager');
        const team = text((await manager.get(`${paths.cases()}?scope=team&sort=name&direction=asc`)).body);
        // Ellis's next task is the one most overdue.
        assert.match(
          team,
          new RegExp(
            `${ellis} .*? ${authority === 'kent' ? 'Harmful' : 'Red'} Give the Youth Justice view on Ellis’s case Due by ${formatDate(ydue.get(authority))} Overdue`,
          ),
        );
        assert.match(team, new RegExp(`${toby} .*? Not yet decided Nothing open`));
      });
    });
  }

  it('shows North East Lincolnshire’s panel chair the referral waiting for the panel’s decision', async () => {
    const { s } = await home('north-east-lincolnshire', 'panel-chair');
    assert.match(s.later, /Decide on the referral to the panel Toby Alderbrook No set date Referred by/);
  });

  it('shows Islington’s coordinator the HSB strategy meeting they chair, to minute', async () => {
    const { s } = await home('islington', 'cse-coordinator');
    assert.match(s.meetings, /Chaired by you Minutes not yet recorded/);
    assert.match(`${s['due-soon']} ${s.later}`, /Record the minutes of the HSB strategy meeting/);
  });
});
