// How the sign-in pages read: the sign-in form (with why the person was signed out, where they go
// afterwards and what they typed), the choice between authorities, and changing one's password.
// Pure: the routes make the form's token and say who is signed in.
import type { ErrorView } from '../../forms.ts';

/** The sign-in page: nothing typed unless the model says otherwise, and the form's token. */
export function signInModel(model: Record<string, unknown>, csrfToken: string) {
  return { pageTitle: 'Sign in', values: {}, ...model, csrfToken };
}

/** Which authority the person is working for, from the accounts the address and password opened. */
export function authorityModel<I>(items: I[], csrfToken: string, errors?: ErrorView) {
  return {
    pageTitle: 'Which authority are you working for?',
    items,
    ...(errors ? { errors } : {}),
    csrfToken,
  };
}

/** Changing one's password: chosen afresh when it must be changed (a one-off password), else changed. */
export function passwordModel(user: { mustChangePassword?: boolean | undefined }) {
  return {
    pageTitle: user.mustChangePassword ? 'Choose a new password' : 'Change your password',
    forced: Boolean(user.mustChangePassword),
  };
}
