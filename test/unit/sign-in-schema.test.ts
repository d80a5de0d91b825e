// The sign-in pages' forms (issue 12, item 2): what each posts, typed; the address and password
// checked for shape with the same messages as before the page schemas, the address trimmed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as schema from '../../src/web/pages/sign-in/schema.ts';

const { authorityForm, credentialsForm, keepAliveForm, passwordForm, signInForm } = schema;

describe('the sign-in forms', () => {
  it('reads the sign-in form as typed, a repeated field once', () => {
    assert.deepEqual(signInForm.read({ _csrf: 'tok', returnTo: '/cases', email: [' a@b.c ', ' Sam@Example.com '] }), {
      _csrf: 'tok',
      returnTo: '/cases',
      email: ' Sam@Example.com ',
      password: '',
    });
    assert.deepEqual(signInForm.read(undefined), { _csrf: '', returnTo: '', email: '', password: '' });
  });

  it('gives the address trimmed and the password as typed', () => {
    assert.deepEqual(credentialsForm.parse({ _csrf: 'tok', email: ' sam@example.com ', password: ' secret ' }), {
      ok: true,
      data: { email: 'sam@example.com', password: ' secret ' },
    });
  });

  it('reports an address or password not given, or too long, each next to its field', () => {
    const empty = credentialsForm.parse({ email: '   ', password: '' });
    assert.ok(!empty.ok);
    assert.deepEqual(empty.errors, [
      { field: 'email', message: 'Enter your email address' },
      { field: 'password', message: 'Enter your password' },
    ]);
    const long = credentialsForm.parse({ email: `${'a'.repeat(315)}@b.com`, password: 'x'.repeat(1001) });
    assert.ok(!long.ok);
    assert.deepEqual(long.errors, [
      { field: 'email', message: 'Email address must be 320 characters or fewer' },
      { field: 'password', message: 'Password must be 1000 characters or fewer' },
    ]);
  });

  it('reads the authority chosen, the page to go back to and the passwords as typed', () => {
    assert.deepEqual(authorityForm.read({ _csrf: 'tok', account: 'u1' }), { _csrf: 'tok', account: 'u1' });
    assert.deepEqual(keepAliveForm.read({ returnTo: '/tasks' }), { returnTo: '/tasks' });
    assert.deepEqual(passwordForm.read({ current: ' old', next: 'new ', confirm: 'new ' }), {
      current: ' old',
      next: 'new ',
      confirm: 'new ',
    });
  });
});
