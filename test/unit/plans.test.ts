// What a plan must address before it is agreed, when it is next reviewed, and what is wrong with
// a review, a copy shared or an ending (issue 14), in every procedure's pack.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  actionDueOn,
  actionProblems,
  agreeProblems,
  contentsOf,
  endProblems,
  kindsForChild,
  nextReviewOn,
  reviewProblems,
  shareProblems,
  unaddressed,
} from '../../src/domain/plans.ts';
import { allPacks, getPack } from '../../src/procedures/index.ts';
import { WorkingDayCalendar } from '../../src/domain/working-days.ts';
import { contentRows, planRows, statusTag } from '../../src/web/pages/plans/view-model.ts';

const kent = getPack('kent')!;
const safety = kent.plans.find((kind) => kind.id === 'safety-intervention')!;
const blank = { day: '', month: '', year: '' };
const parts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

describe('plan kinds in every pack (issue 14)', () => {
  it('each pack names plans for the child who harmed and for the child harmed, each child’s on their own record (R-X-1)', () => {
    for (const pack of allPacks()) {
      const displayed = kindsForChild(pack, ['displayed']).map((kind) => kind.id);
      const harmed = kindsForChild(pack, ['targeted']).map((kind) => kind.id);
      assert.ok(displayed.length > 0, `${pack.id}: a plan for the child who harmed`);
      assert.ok(harmed.includes('support-harmed'), `${pack.id}: the child harmed’s support plan`);
      assert.ok(!displayed.includes('support-harmed'), `${pack.id}: not on the child who harmed’s record`);
      for (const kind of pack.plans) assert.ok(kind.clause.startsWith(pack.id), `${kind.id} cites its own procedure`);
    }
  });

  it('Kent’s safety and intervention plan addresses the fifteen matters of the AIM review meeting, in order (R-KEN-13)', () => {
    const labels = safety.contents.map((item) => item.label);
    assert.ok(labels.length >= 15);
    assert.match(labels[0]!, /Child protection concerns/);
    assert.match(labels[12]!, /Disclosure and Barring Service barred list/);
    assert.match(labels[14]!, /minutes/i);
    assert.ok(
      labels.some((label) => /NELFT/.test(label)),
      'ongoing NELFT support considered (R-KEN-14)',
    );
  });

  it('Kent’s home safety plan records where the child lives and the decision on removal from home (R-KEN-15)', () => {
    const home = kent.plans.find((kind) => kind.id === 'home-safety')!;
    assert.equal(home.clause, 'kent §17');
    assert.ok(home.contents.some((item) => /leave the family home/.test(item.label)));
    assert.ok(home.contents.some((item) => /Where the child lives/.test(item.label)));
  });

  it('North East Lincolnshire’s intervention plan is reviewed at least every 3 months, as its panel sets (R-NEL-12)', () => {
    const nel = getPack('north-east-lincolnshire')!;
    const plan = nel.plans.find((kind) => kind.id === 'aim-intervention')!;
    assert.equal(plan.review.months, 3);
    assert.equal(plan.review.requirement, 'R-NEL-12');
  });

  it('Thurrock’s plan places the child along the continuum: own home, looked after, specialist or secure provision (R-THU-4)', () => {
    const plan = getPack('thurrock')!.plans.find((kind) => kind.requirement === 'R-THU-4')!;
    const where = plan.contents.find((item) => item.id === plan.contents[0]!.id)!;
    assert.match(`${where.label} ${where.hint ?? ''}`, /own home.*looked-after.*specialist.*secure/is);
  });

  it('North East Lincolnshire’s living arrangements plan records what carers were told and their training (R-NEL-8)', () => {
    const plan = getPack('north-east-lincolnshire')!.plans.find((kind) => kind.requirement === 'R-NEL-8')!;
    const labels = plan.contents.map((item) => item.label).join(' | ');
    assert.match(labels, /What carers have been told about the behaviour/);
    assert.match(labels, /Carers’ access to training/);
  });

  it('North Yorkshire’s plans for the setting cover the child who harmed and the other children there (R-NYO-4, R-NYO-5)', () => {
    const nyo = getPack('north-yorkshire')!;
    const harmful = nyo.plans.find((kind) => kind.requirement === 'R-NYO-4')!;
    assert.ok(harmful.contents.some((item) => /other children who use or attend the setting/.test(item.label)));
    const concerning = nyo.plans.find((kind) => kind.requirement === 'R-NYO-5')!;
    assert.equal(concerning.forChild, 'either', 'plans for both children');
    assert.ok(concerning.contents.some((item) => /parents or carers/.test(item.label)));
  });

  it('Islington’s diversion plan goes into the child’s plan with a family group conference considered (R-ISL-4)', () => {
    const diversion = getPack('islington')!.plans.find((kind) => kind.id === 'diversion')!;
    assert.equal(diversion.requirement, 'R-ISL-4');
    assert.ok(diversion.contents.some((item) => /family group conference/i.test(item.label)));
  });
});

describe('agreeing a plan (R-KEN-13, R-NEL-12)', () => {
  it('names each matter neither addressed nor explained, linking to its box, and nothing once each is', () => {
    const contents = contentsOf(safety, {
      'child-protection': { text: 'Core group monthly.', notAddressed: '' },
      'barred-list': { text: '', notAddressed: 'No referral made.' },
    });
    assert.equal(unaddressed(safety, contents).length, safety.contents.length - 2);
    const problems = agreeProblems(safety, contents, { nextReviewOn: blank, note: '' }, { today: '2026-12-01' });
    assert.equal(problems.length, safety.contents.length - 2);
    assert.deepEqual(problems[0], {
      field: 'text-victim-safety',
      message: 'Say how the plan addresses safety of anyone the child might harm, or why it does not',
    });
    const full = contentsOf(
      safety,
      Object.fromEntries(safety.contents.map((item) => [item.id, { text: 'Done', notAddressed: '' }])),
    );
    assert.deepEqual(agreeProblems(safety, full, { nextReviewOn: blank, note: '' }, { today: '2026-12-01' }), []);
  });

  it('reviews by the latest day when none is given, refuses one past it or not after today, in words', () => {
    assert.deepEqual(nextReviewOn(safety, blank, '2026-12-01'), { iso: '2027-03-01' });
    assert.deepEqual(nextReviewOn(safety, parts('2027-01-15'), '2026-12-01'), { iso: '2027-01-15' });
    assert.deepEqual(nextReviewOn(safety, parts('2027-03-02'), '2026-12-01'), {
      error: 'Date of the next review must be within 3 months of 1 December 2026, by 1 March 2027',
    });
    assert.deepEqual(nextReviewOn(safety, parts('2026-12-01'), '2026-12-01'), {
      error: 'Date of the next review must be after 1 December 2026',
    });
    assert.deepEqual(nextReviewOn(safety, { day: '31', month: '2', year: '2027' }, '2026-12-01'), {
      error: 'Date of the next review must be a real date',
    });
  });
});

describe('a review, a copy shared and an ending', () => {
  const facts = { today: '2027-02-01', agreedOn: '2026-12-01', lastReviewOn: null };
  const review = {
    reviewedOn: parts('2027-02-01'),
    done: 'Sessions held.',
    changed: 'Nothing.',
    views: '',
    outcome: 'continue',
    nextReviewOn: blank,
    endReason: '',
  };

  it('accepts a complete review, and lists every problem at once in page order', () => {
    assert.deepEqual(reviewProblems(safety, review, facts), []);
    const problems = reviewProblems(
      safety,
      { ...review, reviewedOn: parts('2026-11-30'), done: ' ', changed: '', outcome: '' },
      facts,
    );
    assert.deepEqual(
      problems.map((problem) => problem.field),
      ['reviewedOn', 'done', 'changed', 'outcome'],
    );
    assert.match(problems[0]!.message, /on or after 1 December 2026, the date the plan was agreed/);
  });

  it('asks for the next review only when the plan continues, and the reason only when it ends', () => {
    const late = { ...review, nextReviewOn: parts('2027-06-01') };
    assert.deepEqual(
      reviewProblems(safety, late, facts).map((problem) => problem.field),
      ['nextReviewOn'],
    );
    assert.deepEqual(reviewProblems(safety, { ...late, outcome: 'revise' }, facts), []);
    assert.deepEqual(
      reviewProblems(safety, { ...late, outcome: 'end' }, facts).map((problem) => problem.message),
      ['Enter why the plan is ending'],
    );
    assert.deepEqual(endProblems('  '), [{ field: 'reason', message: 'Enter why the plan is ending' }]);
  });

  it('records who received a copy, when and whether consent was given (R-X-6)', () => {
    const share = {
      sharedWith: 'Mother',
      sharedOn: parts('2027-01-05'),
      consent: 'given',
      views: '',
      disagreement: '',
    };
    assert.deepEqual(shareProblems(share, { today: '2027-02-01', agreedOn: '2026-12-01' }), []);
    assert.deepEqual(
      shareProblems(
        { ...share, sharedWith: '', consent: 'maybe' },
        { today: '2027-02-01', agreedOn: '2026-12-01' },
      ).map((problem) => problem.message),
      ['Enter who received a copy of the plan', 'Select whether consent was given to share the plan'],
    );
  });
});

describe('an action a plan gives, due by a date or in working days (R-X-3)', () => {
  const calendar = new WorkingDayCalendar();
  const facts = {
    today: '2026-12-04',
    people: ['u1'],
    addWorkingDays: (from: string, days: number) => calendar.addWorkingDays(from, days),
  };
  const input = { what: 'Meet the school', assigneeId: 'u1', dueOn: blank, workingDays: '' };
  it('counts working days from today, leaving out the weekend', () => {
    // Friday 4 December 2026 and 3 working days: Wednesday 9 December.
    assert.deepEqual(actionDueOn({ ...input, workingDays: '3' }, facts), { iso: '2026-12-09' });
    assert.deepEqual(actionDueOn({ ...input, dueOn: parts('2026-12-20') }, facts), { iso: '2026-12-20' });
  });
  it('asks for one of the two, a real number, and someone who may do it, all at once', () => {
    assert.deepEqual(
      actionProblems({ what: '', assigneeId: 'x', dueOn: blank, workingDays: '' }, facts).map(
        (problem) => problem.message,
      ),
      ['Enter what is to be done', 'Select who will do it', 'Enter the date it is due, or a number of working days'],
    );
    assert.deepEqual(actionDueOn({ ...input, workingDays: '0' }, facts), {
      field: 'workingDays',
      error: 'Number of working days must be a whole number from 1 to 60',
    });
    assert.deepEqual(actionDueOn({ ...input, workingDays: '2', dueOn: parts('2026-12-20') }, facts), {
      field: 'dueOn',
      error: 'Enter a date it is due or a number of working days, not both',
    });
    assert.deepEqual(actionDueOn({ ...input, dueOn: parts('2026-12-03') }, facts), {
      field: 'dueOn',
      error: 'Date it is due must be today or in the future',
    });
  });
});

describe('how the plan pages read', () => {
  it('shows an agreed plan past its review date as overdue, with the date in words', () => {
    const plan = {
      id: '00000000-0000-4000-8000-000000000001',
      kindName: 'Home safety plan',
      ownerName: 'Sam Social Worker',
      status: 'agreed' as const,
      nextReviewOn: '2026-11-30',
      createdAt: new Date('2026-09-01T10:00:00Z'),
      endedAt: null,
    };
    const [row] = planRows([plan as never], '2026-12-01');
    assert.deepEqual(row!.tag, { text: 'Review overdue', classes: 'govuk-tag--red' });
    assert.equal(row!.nextReview, 'Was due by 30 November 2026');
    assert.equal(row!.started, '1 September 2026');
    assert.deepEqual(statusTag('under_review'), { text: 'Under review', classes: 'govuk-tag--yellow' });
  });

  it('says for each matter what the plan says, why it does not address it, or that nothing is written', () => {
    const rows = contentRows(
      safety,
      contentsOf(safety, {
        'child-protection': { text: 'Core group.', notAddressed: '' },
        'barred-list': { text: '', notAddressed: 'No referral.' },
      }),
    );
    assert.deepEqual(
      rows.slice(0, 2).map((row) => row.state),
      ['addressed', 'missing'],
    );
    assert.equal(rows.find((row) => row.id === 'barred-list')!.state, 'not-addressed');
  });
});
