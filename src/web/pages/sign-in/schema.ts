// The sign-in pages' forms: signing in, choosing between authorities, staying signed in and
// changing one's own password. Each schema types what its form posts; the address and password
// are checked for shape only (given, not too long), with the same messages whatever the account.
import { z } from 'zod';
import { field, pageSchema, singleValue } from '../../page-schema.ts';

/** What the sign-in form posts, as typed: its token, where to go afterwards, the address and the password. */
export const signInForm = pageSchema({
  _csrf: field.text(),
  returnTo: field.text(),
  email: field.text(),
  password: field.text(),
});

/** The address (trimmed) and the password: each given and not too long, else GOV.UK's message next to it. */
export const credentialsForm = pageSchema({
  email: z.preprocess(
    singleValue,
    z.string().trim().min(1, 'Enter your email address').max(320, 'Email address must be 320 characters or fewer'),
  ),
  password: z.preprocess(
    singleValue,
    z.string().min(1, 'Enter your password').max(1000, 'Password must be 1000 characters or fewer'),
  ),
});

/** Choosing the authority to work for: the form's token and the account chosen. */
export const authorityForm = pageSchema({ _csrf: field.text(), account: field.text() });

/** Staying signed in, without JavaScript: the page to go back to. */
export const keepAliveForm = pageSchema({ returnTo: field.text() });

/** Changing one's own password: the current one and the new one twice, as typed (the service checks them). */
export const passwordForm = pageSchema({ current: field.text(), next: field.text(), confirm: field.text() });

/** The sign-in page's address: why the person was signed out, and the page to go back to. */
export const signInQuery = pageSchema({ reason: field.text(), returnTo: field.text() });
