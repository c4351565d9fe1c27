// GET /v1/docs: a readable reference of the API (Scalar), rendered from /v1/openapi.json. Public, on
// the hosts that serve the API (lib/api/api-host.ts); 404 elsewhere.
import { ApiReference } from '@scalar/nextjs-api-reference';
import { apiHost } from '@/lib/api/api-host';
import { ApiProblem, problemResponse } from '@/lib/api/api-problem';

const reference = ApiReference({ url: '/v1/openapi.json', pageTitle: 'Tenantry API reference' });

export async function GET(request: Request): Promise<Response> {
  if (!(await apiHost(request.headers.get('host')))) {
    return problemResponse(new ApiProblem(404, 'not_found', 'There is no API on this host.'));
  }
  return reference();
}
