// The closed vocabularies are each written once and the lists derive from them: the roles, the case
// roles and the roles with team access keep their order, and a guard accepts only the values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CASE_ROLES,
  ROLES,
  ROLE_LABELS,
  TEAM_ACCESS_ROLES,
  TRAININGS,
  TRAINING_LABELS,
  isRole,
  isTraining,
} from '../../src/domain/roles.ts';
import { SCALE, SCALE_LABELS } from '../../src/domain/scale.ts';
import { vocabulary } from '../../src/domain/vocabulary.ts';

describe('vocabularies', () => {
  it('lists the values in the order written, each with its words', () => {
    const colours = vocabulary({ green: 'Green', amber: 'Amber', red: 'Red' });
    assert.deepEqual(colours.values, ['green', 'amber', 'red']);
    assert.equal(colours.labels.amber, 'Amber');
    assert.equal(colours.is('red'), true);
    assert.equal(colours.is('blue'), false);
    assert.equal(colours.is('toString'), false);
  });

  it('derives the case roles and the roles with team access from the one list of roles', () => {
    assert.deepEqual(ROLES, [
      'dsl',
      'front_door',
      'social_worker',
      'team_manager',
      'youth_justice',
      'aim_practitioner',
      'panel_chair',
      'cse_coordinator',
      'partner',
      'administrator',
      'auditor',
    ]);
    assert.deepEqual(
      CASE_ROLES,
      ROLES.filter((role) => role !== 'administrator' && role !== 'auditor'),
    );
    assert.deepEqual(
      TEAM_ACCESS_ROLES,
      CASE_ROLES.filter((role) => role !== 'partner'),
    );
    assert.deepEqual(Object.keys(ROLE_LABELS), ROLES);
    assert.equal(ROLE_LABELS.dsl, 'Designated safeguarding lead (school or setting)');
    assert.equal(isRole('auditor'), true);
    assert.equal(isRole('constructor'), false);
  });

  it('keeps the trainings and the shared scale in order, with their words', () => {
    assert.deepEqual(TRAININGS, ['aim_under_12', 'aim2', 'aim3', 'brook_traffic_light']);
    assert.equal(TRAINING_LABELS.brook_traffic_light, 'Brook Traffic Light tool');
    assert.equal(isTraining('aim3'), true);
    assert.equal(isTraining('aim4'), false);
    assert.deepEqual(SCALE, ['normal', 'inappropriate', 'problematic', 'abusive', 'violent']);
    assert.deepEqual(
      SCALE.map((level) => SCALE_LABELS[level]),
      ['Normal', 'Inappropriate', 'Problematic', 'Abusive', 'Violent'],
    );
  });
});
