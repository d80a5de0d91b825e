import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  accountChangeProblems,
  needsSecondAdministrator,
  roleApprovalProblems,
  roleProblem,
  sameRoles,
  teamProblems,
  userProblems,
} from '../../src/domain/admin-rules.ts';

const CASE_ROLE_WITH_OVERSIGHT =
  'An administrator or auditor account cannot also have a case role: they see no case content. Use a separate account for case work';

describe('an account’s roles', () => {
  it('keeps oversight roles apart from case roles (R-X-7)', () => {
    assert.equal(roleProblem(['administrator', 'social_worker']), CASE_ROLE_WITH_OVERSIGHT);
    assert.equal(roleProblem(['auditor', 'team_manager']), CASE_ROLE_WITH_OVERSIGHT);
    assert.equal(roleProblem(['administrator', 'auditor']), null);
    assert.equal(roleProblem(['social_worker', 'team_manager']), null);
    assert.equal(roleProblem([]), null);
  });

  it('compares roles as a set', () => {
    assert.equal(sameRoles(['team_manager', 'social_worker'], ['social_worker', 'team_manager']), true);
    assert.equal(sameRoles(['team_manager'], ['team_manager', 'social_worker']), false);
    assert.equal(sameRoles([], []), true);
  });

  it('needs a second administrator whenever the administrator role is before or after', () => {
    assert.equal(needsSecondAdministrator([], ['administrator']), true);
    assert.equal(needsSecondAdministrator(['administrator'], ['auditor']), true);
    assert.equal(needsSecondAdministrator(['auditor'], ['auditor']), false);
  });
});

describe('a new or changed account', () => {
  const fine = { roles: ['social_worker'] as const, teams: [{ teamId: 't1' }] };

  it('has no problem when the address is free, the roles go together and the teams exist', () => {
    assert.deepEqual(userProblems(fine, { emailTaken: false, teamIds: ['t1', 't2'] }), []);
  });

  it('gives every problem at once, in the page’s order', () => {
    assert.deepEqual(
      userProblems(
        { roles: ['administrator', 'social_worker'], teams: [{ teamId: 't1' }, { teamId: 'elsewhere' }] },
        { emailTaken: true, teamIds: ['t1'] },
      ),
      [
        { field: 'email', message: 'A user with this email address already exists' },
        { field: 'roles', message: CASE_ROLE_WITH_OVERSIGHT },
        { field: 'teams', message: 'Select teams from the list' },
      ],
    );
  });
});

describe('separation of duties on one’s own account', () => {
  it('refuses one’s own roles and deactivating oneself, together', () => {
    assert.deepEqual(accountChangeProblems({ active: false }, { rolesRefused: true, ownAccount: true }), [
      { field: 'roles', message: 'You cannot change your own roles: another administrator must' },
      { field: 'active', message: 'You cannot deactivate your own account' },
    ]);
  });

  it('lets another account be deactivated and one’s own stay active', () => {
    assert.deepEqual(accountChangeProblems({ active: false }, { rolesRefused: false, ownAccount: false }), []);
    assert.deepEqual(accountChangeProblems({ active: true }, { rolesRefused: false, ownAccount: true }), []);
  });
});

describe('approving a proposed role change', () => {
  it('is refused once the roles have changed since the proposal; a rejection never is', () => {
    const changed = { roles: ['team_manager'] as const, rolesBefore: ['social_worker'] as const };
    assert.deepEqual(roleApprovalProblems('approve', changed), [
      { field: 'roles', message: 'The roles have changed since this was proposed: propose the change again' },
    ]);
    assert.deepEqual(roleApprovalProblems('reject', changed), []);
    assert.deepEqual(
      roleApprovalProblems('approve', { roles: ['team_manager', 'auditor'], rolesBefore: ['auditor', 'team_manager'] }),
      [],
    );
  });
});

describe('a new team', () => {
  it('needs a name the authority does not already use, under one of its teams if any', () => {
    const teamIds = ['t1'];
    assert.deepEqual(teamProblems({ parentTeamId: null }, { nameTaken: true, teamIds }), [
      { field: 'name', message: 'A team with this name already exists' },
    ]);
    assert.deepEqual(teamProblems({ parentTeamId: 't1' }, { nameTaken: false, teamIds }), []);
    assert.deepEqual(teamProblems({ parentTeamId: 't9' }, { nameTaken: true, teamIds }), [
      { field: 'name', message: 'A team with this name already exists' },
      { field: 'parentTeamId', message: 'Select a team from the list' },
    ]);
  });
});
