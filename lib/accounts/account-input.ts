// Field rules shared by the account forms.
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';

export const EmailInput = z.email('Enter an email address like name@example.com.').max(320).toLowerCase();
export const NameInput = z.string().trim().min(1, 'Enter your name.').max(100, 'Use at most 100 characters.');
export const NewPasswordInput = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);
