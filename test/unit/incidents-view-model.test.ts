// How the recording form's pages read (issue 12, item 3): the steps in order, answers in words
// (a field shown only for an answer left out without it), problems linked to their fields, each
// child's part, and a hidden child without an age.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SECTIONS, sectionBySlug } from '../../src/domain/recording-form.ts';
import {
  type Incident,
  type IncidentView,
  STEPS,
  checkModel,
  childPartModel,
  childrenModel,
  incidentModel,
  nextAfter,
  sectionModel,
  summaryFor,
} from '../../src/web/pages/incidents/view-model.ts';
import { valuesFromIncident } from '../../src/web/pages/incidents/schema.ts';
import { paths } from '../../src/web/paths.ts';

const ID = '00000000-0000-4000-8000-0000000000aa';

const linked = {
  childId: 'c1',
  role: 'displayed' as const,
  ownWords: '',
  firstName: 'Ellis',
  lastName: 'Hawthorn',
  dateOfBirth: '2014-05-09',
  authorityId: 'kent',
};

function incident(over: Partial<Incident> = {}): Incident {
  const text = Object.fromEntries(
    SECTIONS.flatMap((section) => section.fields)
      .filter((field) => field.kind !== 'datetime' && field.kind !== 'checkboxes')
      .map((field) => [field.name, '']),
  ) as Incident['text'];
  return {
    id: ID,
    authorityId: 'kent',
    status: 'draft',
    occurredAt: null,
    text,
    lists: { context_factors: [], power_imbalance: [], body_regions: [] },
    createdBy: 'u1',
    createdByName: 'Sam',
    createdAt: new Date(),
    updatedAt: new Date(),
    updatedByName: 'Sam',
    submittedAt: null,
    version: 1,
    children: [linked],
    ...over,
  };
}

describe('the steps of the recording form', () => {
  it('goes from the children to each section in turn, then to checking the answers', () => {
    assert.equal(nextAfter('children', ID), paths.incidents.section(ID, SECTIONS[0]!.slug));
    assert.equal(nextAfter(SECTIONS[0]!.slug, ID), paths.incidents.section(ID, SECTIONS[1]!.slug));
    assert.equal(nextAfter(SECTIONS.at(-1)!.slug, ID), paths.incidents.check(ID));
    assert.equal(STEPS, SECTIONS.length + 2);
  });

  it('a section goes back to the one before, the first to the children, and to the check when changed from it', () => {
    const inc = incident();
    const first = SECTIONS[0]!;
    const second = SECTIONS[1]!;
    assert.equal(sectionModel(inc, first, {}, '').backLink, paths.incidents.children(ID));
    assert.equal(sectionModel(inc, second, {}, '').backLink, paths.incidents.section(ID, first.slug));
    assert.equal(sectionModel(inc, second, {}, 'check').backLink, paths.incidents.check(ID));
    assert.equal(sectionModel(inc, second, {}, '').step, 3);
    assert.equal(sectionModel(inc, first, {}, '').maxLengths['location_details'], 10_000);
  });
});

describe('the answers in words', () => {
  it('leaves out the technology details unless it was technology-assisted, and reads options as their text', () => {
    const where = sectionBySlug('when-and-where')!;
    const plain = summaryFor(incident(), false).find((section) => section.slug === where.slug)!;
    assert.ok(!plain.rows.some((row) => row.name === 'technology_details'));
    assert.equal(plain.changeHref, null);
    const online = incident({ text: { ...incident().text, technology_assisted: 'yes', technology_details: 'Chat' } });
    const summary = summaryFor(online, true).find((section) => section.slug === where.slug)!;
    assert.equal(summary.rows.find((row) => row.name === 'technology_details')?.value, 'Chat');
    assert.equal(summary.rows.find((row) => row.name === 'technology_assisted')?.value, 'Yes');
    assert.equal(summary.changeHref, `${paths.incidents.section(ID, where.slug)}?returnTo=check`);
    assert.ok(summary.rows.every((row) => !row.label.endsWith('(optional)')));
  });

  it('a submitted incident gives each child seen their age on the day, and a hidden child no age', () => {
    const inc = incident({ status: 'submitted', occurredAt: new Date('2026-03-02T10:00:00Z') });
    const view = {
      incident: inc,
      children: [
        { ...linked, visible: true, screening: null },
        { childId: 'c2', role: 'targeted', visible: false, screening: null },
      ],
    } as IncidentView;
    const model = incidentModel(view);
    assert.equal(model.children[0]?.age, 11);
    assert.equal(model.children[0]?.roleText, 'Displayed the behaviour');
    assert.equal(model.children[1]?.age, null);
    assert.equal(model.children[1]?.roleText, 'Was targeted by the behaviour');
    assert.match(model.pageTitle, /^Incident on /);
  });
});

describe('checking the answers', () => {
  it('links each problem to its field, the date to its day box, and a missing child to the children page', () => {
    const model = checkModel(incident({ children: [] }));
    const date = model.problems.find((problem) => problem.field === 'occurred_at');
    assert.equal(date?.href, `${paths.incidents.section(ID, 'when-and-where')}?returnTo=check#occurred_at-day`);
    const children = model.problems.find((problem) => problem.section === 'children');
    assert.equal(children?.href, paths.incidents.children(ID));
  });
});

describe('the children in the incident', () => {
  it('leaves out of the search results the children already linked', () => {
    const found = [
      { id: 'c1', firstName: 'Ellis', lastName: 'Hawthorn', dateOfBirth: '2014-05-09', schoolOrSetting: '' },
      { id: 'c3', firstName: 'Rowan', lastName: 'Ash', dateOfBirth: '2013-01-02', schoolOrSetting: '' },
    ];
    const model = childrenModel(incident(), 'a', found);
    assert.deepEqual(
      model.results?.map((result) => result.id),
      ['c3'],
    );
    assert.equal(childrenModel(incident(), '', null).results, null);
    assert.equal(model.next, paths.incidents.section(ID, SECTIONS[0]!.slug));
    assert.equal(model.linked[0]?.roleText, 'Displayed the behaviour');
  });

  it('one child’s part shows what was saved and goes back to the children', () => {
    const model = childPartModel(incident(), { ...linked, ownWords: 'I was told to' }, 10_000);
    assert.deepEqual(model.values, { role: 'displayed', ownWords: 'I was told to' });
    assert.equal(model.pageTitle, 'Ellis Hawthorn: part in the incident');
    assert.equal(model.backLink, paths.incidents.children(ID));
    assert.equal(model.roleItems.length, 3);
  });

  it('a section shows the saved answers', () => {
    const where = sectionBySlug('when-and-where')!;
    const values = valuesFromIncident(where, incident());
    assert.deepEqual(values['occurred_at'], { day: '', month: '', year: '', time: '' });
  });
});
