// How the administration pages read (issue 12, item 3): roles in words, a user as saved or as
// typed, the teams ticked, the teams page's kinds, the working days' threshold and each token's state.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as viewModel from '../../src/web/pages/admin/view-model.ts';
import { paths } from '../../src/web/paths.ts';

const { newUserValues, teamsModel, tokensModel, userFormModel, userModel, usersModel, workingDaysModel } = viewModel;
const USER = '00000000-0000-4000-8000-000000000001';

const page = (pending: viewModel.UserPage['pending'] = null) =>
  ({
    user: {
      id: USER,
      email: 'sam@example.com',
      displayName: 'Sam Lee',
      jobTitle: '',
      agency: '',
      active: true,
      roles: ['dsl'],
      trainings: [{ training: 'aim2', completedOn: '2025-04-03' }],
      teams: [
        { teamId: 't1', isManager: false },
        { teamId: 't2', isManager: true },
      ],
      version: 4,
    },
    pending,
    can: { changeRoles: true, decide: false, unlock: true, reset: true },
  }) as unknown as viewModel.UserPage;

describe('users', () => {
  it('lists each user’s roles in words, or that they have none yet', () => {
    const model = usersModel([{ roles: ['dsl'] }, { roles: [] }] as unknown as viewModel.UserList);
    assert.equal(model.pageTitle, 'Users');
    assert.deepEqual(
      model.users.map((user) => user.roleText),
      ['Designated safeguarding lead (school or setting)', 'No role yet'],
    );
  });

  it('shows a user as saved: each training held with its date, the teams and those managed', () => {
    const model = userModel(page());
    assert.equal(model.pageTitle, 'Sam Lee');
    assert.equal(model.version, 4);
    assert.equal(model.action, paths.admin.user(USER));
    assert.equal(model.pending, null);
    assert.deepEqual(model.values.trainings, { aim2: { held: true, day: '3', month: '4', year: '2025' } });
    assert.deepEqual(model.values.teams, ['t1', 't2']);
    assert.deepEqual(model.values.managerOf, ['t2']);
    assert.equal(model.values.active, 'yes');
  });

  it('shows what was typed instead, and a role change waiting in words', () => {
    const typed = { ...newUserValues(), email: 'typed@example.com' };
    const pending = { rolesBefore: ['dsl'], rolesAfter: [] } as unknown as viewModel.UserPage['pending'];
    const model = userModel(page(pending), typed);
    assert.equal(model.values, typed);
    assert.equal(model.pending && model.pending.beforeText, 'Designated safeguarding lead (school or setting)');
    assert.equal(model.pending && model.pending.afterText, 'no role');
  });

  it('ticks the roles and teams of the form’s values, and goes back to the users', () => {
    const values = { ...newUserValues(), roles: ['dsl', 'nonsense'], teams: ['t1'], managerOf: ['t1'] };
    const teams = [{ id: 't1' }, { id: 't2' }] as unknown as viewModel.TeamList;
    const model = userFormModel({ pageTitle: 'Add a user', values }, teams);
    assert.equal(model.pageTitle, 'Add a user');
    assert.deepEqual(
      model.roleItems.filter((item) => item.checked).map((item) => item.value),
      ['dsl'],
    );
    assert.equal(model.roleText, 'Designated safeguarding lead (school or setting), nonsense');
    assert.equal(userFormModel({ values: newUserValues() }, teams).roleText, 'No role');
    assert.deepEqual(
      model.teams.map((team) => [team.member, team.manager]),
      [
        [true, true],
        [false, false],
      ],
    );
    assert.equal(model.trainingDefs[0]?.label, 'AIM under-12s');
    assert.equal(model.backLink, paths.admin.users());
  });
});

describe('teams, working days and tokens', () => {
  it('offers the kinds of team after "Select", with what was typed', () => {
    const model = teamsModel([], { name: 'North' });
    assert.deepEqual(model.kindItems[0], { value: '', text: 'Select' });
    assert.equal(model.kindItems.length, 10);
    assert.deepEqual(model.values, { name: 'North' });
    assert.deepEqual(teamsModel([]).values, {});
  });

  it('shows the inactivity threshold set, or nothing when the pack’s default applies', () => {
    const days = { years: [], oneOffs: [], inactivity: 15, packDefault: 10 } as unknown as viewModel.WorkingDaysPage;
    assert.equal(workingDaysModel(days).inactivityValue, '15');
    assert.equal(workingDaysModel({ ...days, inactivity: null }).inactivityValue, '');
    assert.equal(workingDaysModel(days).packDefault, 10);
  });

  it('names each token active, expired or revoked', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    const tokens = [
      { revokedAt: null, expiresAt: new Date('2026-04-01') },
      { revokedAt: null, expiresAt: new Date('2026-03-01') },
      { revokedAt: new Date('2026-02-01'), expiresAt: new Date('2026-04-01') },
    ] as unknown as viewModel.TokenList;
    const model = tokensModel(tokens, now, '2026-03-02');
    assert.deepEqual(
      model.tokens.map((token) => token.state),
      ['Active', 'Expired', 'Revoked'],
    );
    assert.deepEqual(model.values, { name: '', days: '90' });
  });
});
