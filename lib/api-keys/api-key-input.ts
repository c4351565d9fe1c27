// The settings form's new key: a name, at least one scope (one checkbox per scope, named
// `scope:<scope>`, since a form sends each name once), and an optional expiry in days.
import { z } from 'zod';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-scopes';

export const EXPIRY_DAYS = ['never', '7', '30', '90', '365'] as const;
const DAY_MS = 86_400_000;

export const ApiKeyInput = z
  .looseObject({
    name: z.string().trim().min(1, 'Name the key, e.g. “CI deploys”.').max(100, 'At most 100 characters.'),
    expiry: z.enum(EXPIRY_DAYS, 'Choose when the key expires.'),
  })
  .transform(({ name, expiry, ...fields }) => ({
    name,
    scopes: API_KEY_SCOPES.filter((scope): scope is ApiKeyScope => fields[`scope:${scope}`] === 'on'),
    expiresAt: expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * DAY_MS),
  }))
  .refine((key) => key.scopes.length > 0, { message: 'Choose at least one scope.', path: ['scopes'] });
