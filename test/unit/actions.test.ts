// The action model (R-X-7): who may do what to which record, on which basis. These are the
// expectations written out by hand; the route matrix (test/web/action-matrix.test.ts) checks that
// every route does what the model says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ACCESS_BASES, type AccessBasis } from '../../src/domain/access.ts';
import {
  ACTIONS,
  type ActionId,
  type ActionRule,
  type Relation,
  actionTableMarkdown,
  isActionId,
  may,
} from '../../src/domain/actions.ts';
import { CASE_ROLES, type Role } from '../../src/domain/roles.ts';

const subject = (roles: Role[], bases: AccessBasis[] = [], relations: Relation[] = []) => ({
  roles,
  bases,
  relations: ['signed_in' as const, ...relations],
});
const rules = Object.entries(ACTIONS) as [ActionId, ActionRule][];
const CASE_RECORDS = new Set([
  'child',
  'incident',
  'screening',
  'referral',
  'task',
  'meeting',
  'external decision',
  'assessment',
  'panel referral',
]);

describe('the action model (R-X-7)', () => {
  it('never lets a read grant change a record', () => {
    for (const [id, rule] of rules) {
      if (rule.kind !== 'change') continue;
      for (const a of rule.allow) assert.ok(!a.bases?.includes('grant'), `${id} accepts a read grant`);
      // Starting a new record (a child, an incident) needs no existing one; every other change does.
      const creates = CASE_RECORDS.has(rule.on) ? rule.allow.some((a) => !a.bases && !a.relation) : true;
      if (!creates)
        assert.equal(may(id, subject([...CASE_ROLES], ['grant'], [])).allowed, false, `${id} with only a grant`);
    }
  });

  it('gives administrators and auditors nothing on a case record, whatever else is true', () => {
    const everything: Relation[] = ['author', 'chair', 'invitee', 'representing', 'assessor', 'assignee', 'owes'];
    for (const [id, rule] of rules) {
      if (!CASE_RECORDS.has(rule.on)) continue;
      for (const a of rule.allow)
        assert.ok(a.roles && a.roles.every((r) => CASE_ROLES.includes(r)), `${id}: an allowance without case roles`);
      for (const roles of [['administrator'], ['auditor']] as Role[][])
        assert.equal(may(id, subject(roles, [...ACCESS_BASES], everything)).allowed, false, `${id} for ${roles[0]}`);
    }
  });

  it('names, for every change, a view action that decides between not found and forbidden', () => {
    for (const [id, rule] of rules) {
      if (!rule.seeing) continue;
      assert.ok(isActionId(rule.seeing), `${id} sees through ${rule.seeing}`);
      assert.equal(ACTIONS[rule.seeing].kind, 'view', `${id}`);
    }
  });

  // Hand-written expectations: [action, roles, bases, relations, allowed].
  const cases: [ActionId, Role[], AccessBasis[], Relation[], boolean, string][] = [
    ['child.view', ['partner'], ['grant'], [], true, 'a police officer with a grant sees the record'],
    ['screening.suggest', ['partner'], ['grant'], [], false, 'and cannot screen it'],
    ['screening.decide', ['partner'], ['grant'], [], false, 'nor decide a level of concern'],
    ['screening.decide', ['partner'], ['recorded'], [], false, 'police do not screen with the council’s tool'],
    ['screening.decide', ['dsl'], ['recorded'], [], true, 'the DSL who recorded the incident decides its screening'],
    ['screening.decide', ['dsl'], ['grant'], [], false, 'a DSL with only a grant does not'],
    ['child.update', ['dsl'], ['recorded'], [], false, 'recording an incident is not working on the case'],
    ['child.update', ['social_worker'], ['allocated'], [], true, 'the allocated worker keeps the details right'],
    ['child.update', ['partner'], ['recorded'], [], false, 'partner-agency professionals do not change details'],
    ['child.allocate', ['social_worker'], ['allocated'], [], false, 'a social worker does not allocate'],
    ['child.allocate', ['front_door'], ['referral'], [], true, 'the front door allocates what it received'],
    ['child.close', ['team_manager'], ['grant'], [], false, 'a manager with a grant only reads'],
    ['child.close', ['team_manager'], ['manager'], [], true, 'the manager of the allocation closes'],
    ['referral.decide', ['front_door'], ['referral'], [], false, 'a manager screens the referral'],
    ['referral.decide', ['team_manager'], ['referral'], [], true, ''],
    ['task.complete', ['dsl'], ['recorded'], [], false, 'a DSL does not complete the front door’s task'],
    ['task.complete', ['front_door'], ['referral'], ['owes'], true, 'the front door completes its own task'],
    ['task.complete', ['front_door'], ['grant'], ['owes', 'assignee'], false, 'not through a read grant'],
    [
      'task.complete',
      ['team_manager'],
      ['manager'],
      [],
      true,
      'the manager of the allocation closes off the team’s work',
    ],
    ['task.assign', ['dsl'], ['recorded'], [], false, 'taking on a task needs its role'],
    ['meeting.record', ['team_manager'], [], [], false, 'a same-authority manager who cannot see the children'],
    [
      'meeting.record',
      ['team_manager'],
      [],
      ['representing'],
      true,
      'another authority’s manager representing its child',
    ],
    ['meeting.record', ['dsl'], [], ['chair'], true, 'the chair records'],
    [
      'meeting.view_child',
      ['social_worker'],
      [],
      ['invitee'],
      false,
      'an invitee does not see a child they may not see',
    ],
    ['meeting.approve', ['team_manager'], ['manager'], [], false, 'only the chair approves'],
    ['assessment.stage', ['team_manager'], ['grant'], [], false, ''],
    ['assessment.stage', ['aim_practitioner'], [], ['assessor'], true, 'the assessor records stages'],
    [
      'assessment.view',
      ['aim_practitioner'],
      [],
      ['assessor'],
      true,
      'and keeps sight of their assessment after it ends',
    ],
    ['document.remove', ['social_worker'], ['allocated'], ['uploader'], true, 'its uploader removes it'],
    [
      'document.remove',
      ['social_worker'],
      ['grant'],
      ['uploader'],
      false,
      'but not once they see it only on a read grant',
    ],
    ['document.remove', ['social_worker'], ['allocated'], [], false, 'a colleague who did not upload it may not'],
    ['document.remove', ['team_manager'], ['manager'], [], true, 'a manager of the case may'],
    ['document.remove', ['team_manager'], ['grant'], [], false, 'a manager on a read grant may not'],
    ['document.remove', ['dsl'], ['recorded'], [], false, 'having recorded the incident is not case work'],
    ['panel.decide', ['panel_chair'], ['panel'], [], true, ''],
    ['panel.decide', ['team_manager'], ['manager'], [], false, ''],
    ['admin.user.roles', ['administrator'], [], ['self'], false, 'an administrator cannot change their own roles'],
    ['admin.user.roles', ['administrator'], [], [], true, 'but may change another’s'],
    ['admin.user.approve_roles', ['administrator'], [], ['proposer'], false, 'nor approve their own proposal'],
    ['admin.user.reset_password', ['administrator'], [], ['self'], false, 'nor reset their own password'],
    ['audit.search', ['administrator'], [], [], false, 'administrators do not read the audit log'],
    ['audit.search', ['auditor'], [], [], true, ''],
  ];
  for (const [action, roles, bases, relations, allowed, why] of cases) {
    it(`${allowed ? 'allows' : 'refuses'} ${action} for ${roles.join('+')} on ${bases.join('+') || 'no basis'}${relations.length ? ` as ${relations.join('+')}` : ''}${why ? `: ${why}` : ''}`, () => {
      assert.equal(may(action, subject(roles, bases, relations)).allowed, allowed);
    });
  }

  it('gives the reason a refusal is audited with', () => {
    assert.deepEqual(may('screening.decide', subject(['dsl'], ['grant'])), { allowed: false, reason: 'read_only' });
    assert.deepEqual(may('referral.decide', subject(['social_worker'], ['allocated'])), {
      allowed: false,
      reason: 'missing_role',
    });
    assert.deepEqual(may('meeting.approve', subject(['team_manager'], ['manager'])), {
      allowed: false,
      reason: 'not_related',
    });
    assert.deepEqual(may('admin.user.roles', subject(['administrator'], [], ['self'])), {
      allowed: false,
      reason: 'separation_of_duties',
    });
  });

  it('is written out in docs/who-can-do-what.md (run npm run docs:actions after a change)', () => {
    const file = readFileSync(path.join(import.meta.dirname, '..', '..', 'docs', 'who-can-do-what.md'), 'utf8');
    assert.equal(file, actionTableMarkdown());
  });
});
