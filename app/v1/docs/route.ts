// GET /v1/docs: a readable reference of the API (Scalar), rendered from /v1/openapi.json. Public.
import { ApiReference } from '@scalar/nextjs-api-reference';

export const GET = ApiReference({ url: '/v1/openapi.json', pageTitle: 'Tenantry API reference' });
