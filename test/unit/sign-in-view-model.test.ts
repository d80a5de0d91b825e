// How the sign-in pages read (issue 12, item 3): the sign-in form with its token, the choice
// between authorities with its error, and whether a new password must be chosen.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorView } from '../../src/web/forms.ts';
import { authorityModel, passwordModel, signInModel } from '../../src/web/pages/sign-in/view-model.ts';

describe('the sign-in pages', () => {
  it('shows the sign-in form with nothing typed unless given, and its token', () => {
    assert.deepEqual(signInModel({ returnTo: '/cases' }, 'tok'), {
      pageTitle: 'Sign in',
      values: {},
      returnTo: '/cases',
      csrfToken: 'tok',
    });
    assert.deepEqual(signInModel({ values: { email: 'a@b.c' } }, 'tok').values, { email: 'a@b.c' });
  });

  it('asks which authority, with the error when none was chosen', () => {
    const items = [{ value: 'u1', text: 'Kent' }];
    assert.deepEqual(authorityModel(items, 'tok'), {
      pageTitle: 'Which authority are you working for?',
      items,
      csrfToken: 'tok',
    });
    const errors = errorView([{ field: 'account', message: 'Select the authority you are working for' }]);
    assert.equal(authorityModel(items, 'tok', errors).errors, errors);
  });

  it('asks for a new password when a one-off one was used, else to change it', () => {
    assert.deepEqual(passwordModel({ mustChangePassword: true }), { pageTitle: 'Choose a new password', forced: true });
    assert.deepEqual(passwordModel({}), { pageTitle: 'Change your password', forced: false });
  });
});
