// Regenerates e2e/support/tenantry-api.d.ts after a change to the v1 API (./api-client-types.ts).
import { writeFileSync } from 'node:fs';
import { API_CLIENT_TYPES_PATH, apiClientTypes } from './api-client-types';

writeFileSync(API_CLIENT_TYPES_PATH, await apiClientTypes());
console.log(`[api] wrote ${API_CLIENT_TYPES_PATH}`);
