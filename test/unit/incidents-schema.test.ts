// The recording form's page schemas (issue 12, item 2): what each page posts, typed; a section's
// answers by the kind of each field; and the section read from them with every problem at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sectionBySlug } from '../../src/domain/recording-form.ts';
import * as schema from '../../src/web/pages/incidents/schema.ts';

const { childPartForm, linkChildForm, readSection, sectionAnswersForm, sectionForm, submitIncidentForm } = schema;

const whenAndWhere = sectionBySlug('when-and-where')!;
const behaviour = sectionBySlug('behaviour')!;
const NOW = new Date('2026-03-10T12:00:00Z');

describe('what the recording form’s pages post', () => {
  it('reads the child, their part and own words, and the version, as typed', () => {
    assert.deepEqual(linkChildForm.read({ _csrf: 't', childId: 'c1', role: ['targeted', 'displayed'] }), {
      childId: 'c1',
      role: 'displayed',
    });
    assert.deepEqual(childPartForm.read({ role: 'witness', ownWords: ' “Stop” ' }), {
      role: 'witness',
      ownWords: ' “Stop” ',
    });
    assert.equal(submitIncidentForm.read({ version: '5' }).version, 5);
    assert.deepEqual(sectionForm.read({ version: '2', action: 'save-and-exit', returnTo: 'check' }), {
      version: 2,
      action: 'save-and-exit',
      returnTo: 'check',
    });
    assert.deepEqual(sectionForm.read(undefined), { version: 0, action: '', returnTo: '' });
  });

  it('types a section’s answers by kind: the date’s boxes trimmed, the time and text as typed, checkboxes as a list', () => {
    const answers = sectionAnswersForm(whenAndWhere).read({
      'occurred_at-day': ' 3 ',
      'occurred_at-month': '3',
      'occurred_at-year': '2026',
      'occurred_at-time': ' 14:30 ',
      location_type: 'school',
      location_area: ' North ',
      unknown: 'dropped',
    });
    assert.deepEqual(answers, {
      occurred_at: { day: '3', month: '3', year: '2026' },
      'occurred_at-time': ' 14:30 ',
      location_type: 'school',
      location_area: ' North ',
      location_details: '',
      technology_assisted: '',
      technology_details: '',
    });
    assert.deepEqual(
      sectionAnswersForm(behaviour).read({ context_factors: ['force', 'force', 'coercion'] }).context_factors,
      ['force', 'coercion'],
    );
    assert.equal(sectionAnswersForm(behaviour), sectionAnswersForm(behaviour));
  });
});

describe('reading a section from its answers', () => {
  const read = (body: Record<string, unknown>) =>
    readSection(whenAndWhere, sectionAnswersForm(whenAndWhere).read(body), NOW);

  it('saves a draft’s answers, trimmed, the date and time as one moment, and nothing for an empty date', () => {
    const { changes, errors } = read({
      'occurred_at-day': '3',
      'occurred_at-month': '3',
      'occurred_at-year': '2026',
      'occurred_at-time': '14:30',
      location_type: 'school',
      location_area: ' North ',
      technology_assisted: 'no',
      technology_details: 'left over',
    });
    assert.deepEqual(errors, []);
    assert.equal(changes.occurred_at?.toISOString(), '2026-03-03T14:30:00.000Z');
    assert.equal(changes.location_area, 'North');
    assert.equal(changes.technology_details, '');
    assert.equal(read({}).changes.occurred_at, null);
  });

  it('reports every problem at once and keeps what was typed', () => {
    const { values, errors } = read({
      'occurred_at-day': '31',
      'occurred_at-month': '2',
      'occurred_at-year': '2026',
      'occurred_at-time': '25:00',
      location_type: 'moon',
      location_area: 'x'.repeat(201),
    });
    assert.deepEqual(
      errors.map((error) => error.field),
      ['occurred_at', 'occurred_at-time', 'location_type', 'location_area'],
    );
    assert.equal(errors[0]?.href, '#occurred_at-day');
    assert.deepEqual(values['occurred_at'], { day: '31', month: '2', year: '2026', time: '25:00' });
    assert.equal(values['location_type'], 'moon');
  });

  it('refuses a checkbox not on the list', () => {
    const { errors } = readSection(
      behaviour,
      sectionAnswersForm(behaviour).read({ context_factors: ['force', 'bribe'] }),
    );
    assert.deepEqual(errors, [
      { field: 'context_factors', message: 'Select from the list for the context of the behaviour' },
    ]);
  });
});
