// GET /v1/openapi.json: the API's OpenAPI 3.1 document (lib/api/openapi-document.ts). Public, on
// the hosts that serve the API (lib/api/api-host.ts); 404 elsewhere, like the API itself.
import { apiHost } from '@/lib/api/api-host';
import { ApiProblem, problemResponse } from '@/lib/api/api-problem';
import { openApiDocument } from '@/lib/api/openapi-document';

export async function GET(request: Request): Promise<Response> {
  if (!(await apiHost(request.headers.get('host')))) {
    return problemResponse(new ApiProblem(404, 'not_found', 'There is no API on this host.'));
  }
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
}
