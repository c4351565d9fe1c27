// The committed types of the e2e suite's typed API client are those of the current document:
// change the API, then run `npx tsx --conditions react-server scripts/api/write-api-client-types.ts`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_CLIENT_TYPES_PATH, apiClientTypes } from './api-client-types';

describe('the typed API client', () => {
  it('is generated from the current OpenAPI document', async () => {
    expect(readFileSync(API_CLIENT_TYPES_PATH, 'utf8')).toBe(await apiClientTypes());
  });
});
