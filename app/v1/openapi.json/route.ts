// GET /v1/openapi.json: the API's OpenAPI 3.1 document (lib/api/openapi-document.ts). Public.
import { openApiDocument } from '@/lib/api/openapi-document';

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'public, max-age=300' } });
}
