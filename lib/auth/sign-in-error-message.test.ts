import { expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in-error-message';

it.each([
  ['TooManyAttempts-4', 'Too many sign-in attempts for this account. Try again in 4 minutes.'],
  ['TooManyAttempts-1', 'Too many sign-in attempts for this account. Try again in 1 minute.'],
  ['TooManyRequests-15', 'Too many sign-in links for this address. Try again in 15 minutes.'],
  ['TooManyFromNetwork-15', 'Too many sign-in attempts from your network. Try again in 15 minutes.'],
  // ?error= is anyone's to write: nothing but the codes we send is read as a limit.
  ['TooManyAttempts-999', 'Sign-in failed. Try again.'],
  ['TooManyAttempts-<b>', 'Sign-in failed. Try again.'],
  ['CredentialsSignin', 'Wrong email or password.'],
  ['anything else', 'Sign-in failed. Try again.'],
])('%s → %s', (code, message) => {
  expect(signInErrorMessage(code)).toBe(message);
});
