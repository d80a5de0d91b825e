// Meeting rules as pure functions over the packs: invitees by role and by the facts (R-KEN-6,
// R-KEN-8, R-ISL-5), the chair rule within and across authorities (R-ISL-5, R-KEN-6), what stops
// a meeting being closed (R-KEN-6), and the tasks each child's outcome sets, with working-day
// deadlines from the day the meeting was held (R-KEN-7, R-ISL-7, R-X-3).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chairRule,
  closeProblems,
  meetingType,
  outcomeProblems,
  outcomeTasks,
  proposeInvitees,
} from '../../src/domain/meetings.ts';
import type { MeetingType } from '../../src/domain/pack.ts';
import type { RuleContext } from '../../src/domain/screening.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { allPacks, getPack } from '../../src/procedures/index.ts';
import { localSettings } from '../../src/domain/pack-text.ts';

const ctx = (over: Partial<RuleContext> = {}): RuleContext => ({
  level: 'harmful',
  facts: {},
  age: 14,
  stage: 14,
  approaching18: false,
  sex: 'male',
  learningDisability: false,
  ...over,
});
const because = () => 'so';
const kent = getPack('kent')!;
const islington = getPack('islington')!;
const type = (packId: string, id: string): MeetingType => meetingType(getPack(packId)!, id)!;
const calendar = new WorkingDayCalendar();

describe('invitees (R-KEN-6, R-KEN-8, R-ISL-5)', () => {
  it('proposes Kent’s twelve strategy discussion roles, the conditional ones by the facts (R-KEN-6)', () => {
    const none = proposeInvitees(type('kent', 'strategy-discussion'), ctx(), because);
    assert.equal(none.length, 12);
    assert.deepEqual(
      none.filter((i) => !i.proposed).map((i) => i.inviteeId),
      ['early-help', 'education', 'carers'],
    );
    const all = proposeInvitees(
      type('kent', 'strategy-discussion'),
      ctx({ facts: { open_case: true, other_children_at_risk: true }, lookedAfter: true }),
      because,
    );
    assert.ok(all.every((i) => i.proposed));
  });

  it('invites Youth Justice to a Kent conference at 10 or over and informs it when younger; NELFT when an AIM assessment was requested (R-KEN-8)', () => {
    const conf = type('kent', 'child-protection-conference');
    const yj = (age: number) =>
      proposeInvitees(conf, ctx({ age, stage: age }), because).find((i) => i.inviteeId === 'youth-justice')!;
    assert.equal(yj(10).mode, 'invite');
    assert.equal(yj(14).mode, 'invite');
    assert.equal(yj(9).mode, 'inform');
    assert.match(yj(9).because!, /^Informed, not invited/);
    const nelft = (aimRequested: boolean) =>
      proposeInvitees(conf, ctx({ aimRequested }), because).find((i) => i.inviteeId === 'nelft')!.proposed;
    assert.equal(nelft(true), true);
    assert.equal(nelft(false), false);
  });

  it('lists Islington’s seven HSB strategy meeting attendees (R-ISL-5)', () => {
    assert.equal(type('islington', 'hsb-strategy-meeting').invitees.length, 7);
  });

  it('every pack has a strategy meeting with invitees, an agenda, a safety plan and outcomes, each cited', () => {
    for (const pack of allPacks()) {
      const strategy = pack.meetings.find((m) => /strategy/.test(m.id) && m.safetyPlan);
      assert.ok(strategy, `${pack.id} has a strategy meeting`);
      assert.ok(strategy.outcomes.length >= 4, pack.id);
      for (const i of strategy.invitees) assert.match(i.requirement, /^R-/);
      // Every step or referral outcome that names a meeting names one the pack has.
      for (const s of pack.steps) if (s.meeting) assert.ok(meetingType(pack, s.meeting), `${pack.id} ${s.id}`);
    }
  });
});

describe('chair (R-ISL-5, R-KEN-6)', () => {
  const names = (id: string) => ({ kent: 'Kent', islington: 'Islington', thurrock: 'Thurrock' })[id] ?? id;
  it('keeps the pack’s chair within one authority: Islington’s coordinator (R-ISL-5)', () => {
    const r = chairRule(
      type('islington', 'hsb-strategy-meeting'),
      'islington',
      [
        { childId: 'a', role: 'displayed', responsibleAuthorityId: 'islington' },
        { childId: 'b', role: 'targeted', responsibleAuthorityId: 'islington' },
      ],
      names,
    );
    assert.equal(r.chairAuthorityId, 'islington');
    assert.equal(r.crossAuthority, false);
    assert.match(r.text, /CSE, Missing and Trafficking Coordinator/);
    assert.deepEqual(type('islington', 'hsb-strategy-meeting').chair.roles, ['cse_coordinator']);
  });

  it('has the child harmed’s authority chair when the children belong to different authorities, each represented (R-KEN-6)', () => {
    const r = chairRule(
      type('kent', 'strategy-discussion'),
      'kent',
      [
        { childId: 'a', role: 'displayed', responsibleAuthorityId: 'kent' },
        { childId: 'b', role: 'targeted', responsibleAuthorityId: 'thurrock' },
      ],
      names,
    );
    assert.equal(r.chairAuthorityId, 'thurrock');
    assert.deepEqual(r.authorities, ['kent', 'thurrock']);
    assert.match(r.text, /each must be represented, and Thurrock, where the child harmed lives, chairs/);
    assert.equal(r.clause, 'kent §8');
  });
});

describe('closing (R-KEN-6)', () => {
  it('needs the date, the under-10 police decision, a safety plan and an outcome for every child, and approved minutes', () => {
    const t = type('kent', 'strategy-discussion');
    const state = {
      heldOn: null,
      minutesApproved: false,
      policeQuestionNeeded: true,
      policeInvolvement: null,
      children: [
        { name: 'A', safetyPlan: '', hasOutcome: false },
        { name: 'B', safetyPlan: 'Plan', hasOutcome: true },
      ],
    };
    assert.deepEqual(closeProblems(t, state), [
      'Record the date the meeting was held',
      'Record whether police involvement in the enquiry is needed (the child who harmed is under 10)',
      'Record the immediate safety plan for A',
      'Record the outcome for A',
      'The chair must approve the minutes',
    ]);
    assert.deepEqual(
      closeProblems(t, {
        heldOn: '2026-12-17',
        minutesApproved: true,
        policeQuestionNeeded: true,
        policeInvolvement: 'not_needed',
        children: [{ name: 'A', safetyPlan: 'x', hasOutcome: true }],
      }),
      [],
    );
  });
});

describe('outcomes (R-KEN-7, R-ISL-7)', () => {
  const heldOn = '2026-12-17'; // a Thursday, before Christmas
  it('sets an initial child protection conference 15 working days from the strategy discussion, across Christmas', () => {
    const t = type('kent', 'strategy-discussion');
    const [task] = outcomeTasks(
      kent,
      t,
      'child-protection-conference',
      { outcome: 'child-protection-conference', rationale: 'x' },
      heldOn,
      calendar,
      'targeted',
    );
    assert.equal(task!.dueOn, '2027-01-12');
    assert.equal(task!.arranges, 'child-protection-conference');
    assert.match(task!.dueRule, /15 working days of the strategy discussion/);
  });

  it('cites the cross-authority chair rule where a document sets it, and labels it a local setting where none does (R-KEN-6, R-ISL-5)', () => {
    for (const pack of allPacks())
      for (const meeting of pack.meetings.filter((m) => m.crossAuthority)) {
        const clause = meeting.crossAuthority!.clause;
        if (pack.id === 'kent') assert.equal(clause, 'kent §8');
        else assert.equal(clause, `${pack.id}, local setting`, `${pack.id} ${meeting.id}`);
      }
  });

  it('takes the next steps’ timescales from the pack, citing where each comes from (R-X-3)', () => {
    const t = type('kent', 'strategy-discussion');
    const conference = (pack: typeof kent) =>
      outcomeTasks(
        pack,
        t,
        'child-protection-conference',
        { outcome: 'child-protection-conference', rationale: 'x' },
        heldOn,
        calendar,
        'targeted',
      )[0]!;
    assert.match(conference(kent).clause, /Working Together 2023/, 'the national framework sets 15 working days');
    const sooner = {
      ...kent,
      outcomeTimescales: { ...kent.outcomeTimescales, conference: { workingDays: 12, clause: 'kent, local setting' } },
    };
    assert.equal(conference(sooner).dueOn, calendar.addWorkingDays(heldOn, 12));
    assert.match(conference(sooner).dueRule, /Within 12 working days of the strategy discussion/);
    assert.match(conference(sooner).clause, /kent, local setting/);
    const [legal] = outcomeTasks(
      kent,
      t,
      'legal-action',
      { outcome: 'legal-action', rationale: 'x' },
      heldOn,
      calendar,
      'targeted',
    );
    assert.equal(legal!.dueOn, heldOn);
    assert.equal(legal!.dueRule, 'The same day as the meeting');
    const follow = type('islington', 'hsb-strategy-meeting');
    const shorter = {
      ...islington,
      outcomeTimescales: {
        ...islington.outcomeTimescales,
        followUpMaximum: { workingDays: 10, clause: 'islington, local setting' },
      },
    };
    assert.deepEqual(
      outcomeProblems(shorter, follow, 'displayed', {
        outcome: 'follow-up-strategy',
        rationale: 'r',
        timescale: '15',
      }).map((p) => p.message),
      ['Enter the number of working days until the follow-up meeting, from 1 to 10'],
    );
    for (const pack of allPacks())
      assert.ok(
        localSettings(pack).some((row) => row.what === 'Immediate legal action after the meeting'),
        `${pack.id}: the same-day legal action is shown as a local setting`,
      );
  });

  it('sets the follow-up strategy meeting at the timescale the meeting set (R-ISL-7)', () => {
    const t = type('islington', 'hsb-strategy-meeting');
    const [task] = outcomeTasks(
      islington,
      t,
      'follow-up-strategy',
      { outcome: 'follow-up-strategy', rationale: 'x', timescale: '8' },
      heldOn,
      calendar,
      'displayed',
    );
    assert.equal(task!.dueOn, '2026-12-31', '8 working days, skipping Christmas Day and the Boxing Day substitute');
    assert.equal(task!.arranges, 'follow-up-strategy');
    assert.equal(task!.requirement, 'R-ISL-7');
  });

  it('prompts a conference for the child who harmed who may also be a victim (R-KEN-7)', () => {
    const t = type('kent', 'strategy-discussion');
    const tasks = outcomeTasks(
      kent,
      t,
      'no-further-action',
      { outcome: 'no-further-action', rationale: 'x', reasons: 'y', informer: 'z', alsoHarmed: 'yes' },
      heldOn,
      calendar,
      'displayed',
    );
    assert.deepEqual(
      tasks.map((x) => x.title),
      [
        'Tell the child and family the decision',
        'Consider further assessment or support, or child in need planning',
        'Consider a child protection conference for the child who harmed',
      ],
    );
    assert.equal(tasks[2]!.kind, 'consider');
    const noPrompt = outcomeTasks(
      kent,
      t,
      'no-further-action',
      { outcome: 'no-further-action', rationale: 'x', reasons: 'y', informer: 'z', alsoHarmed: 'no' },
      heldOn,
      calendar,
      'displayed',
    );
    assert.equal(noPrompt.length, 2);
  });

  it('asks what each outcome needs, in GOV.UK wording', () => {
    const t = type('islington', 'hsb-strategy-meeting');
    const msgs = (input: Record<string, string>) =>
      outcomeProblems(islington, t, 'displayed', { outcome: '', rationale: '', ...input }).map((p) => p.message);
    assert.deepEqual(msgs({}), ['Select the outcome for this child', 'Enter the reasons for the decision']);
    assert.deepEqual(msgs({ outcome: 'no-further-action', rationale: 'r' }), [
      'Enter why no further action is needed',
      'Enter who will tell the child and family',
    ]);
    assert.deepEqual(msgs({ outcome: 'diversion', rationale: 'r' }), ['Enter the lead agency']);
    assert.deepEqual(msgs({ outcome: 'follow-up-strategy', rationale: 'r', timescale: '30' }), [
      'Enter the number of working days until the follow-up meeting, from 1 to 20',
    ]);
    assert.deepEqual(
      msgs({ outcome: 'child-protection-plan', rationale: 'r' }),
      ['Select the outcome for this child'],
      'a conference outcome is not a strategy meeting outcome',
    );
  });
});

describe('which next steps request an AIM assessment: the pack marks them (R-KEN-8)', () => {
  it('finds Kent’s NELFT referrals, North East Lincolnshire’s panel requests and Thurrock’s AIM3 step, and nothing else', async () => {
    const { isAimRequest } = await import('../../src/procedures/index.ts');
    assert.equal(isAimRequest('kent', 'nelft-aim2'), true);
    assert.equal(isAimRequest('kent', 'nelft-under-12'), true);
    assert.equal(isAimRequest('north-east-lincolnshire', 'aim-panel-referral'), true);
    assert.equal(isAimRequest('north-east-lincolnshire', 'aim-panel-consultation'), true);
    assert.equal(isAimRequest('thurrock', 'aim3-assessment'), true);
    assert.equal(
      isAimRequest('north-east-lincolnshire', 'aim-panel-consent'),
      false,
      'exploring consent is not a request',
    );
    assert.equal(isAimRequest('kent', 'strategy-discussion'), false);
    assert.equal(isAimRequest('islington', 'nelft-aim2'), false, 'a step is read in its own pack');
  });
});
