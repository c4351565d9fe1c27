// GET /v1/workspace (lib/api/operations/workspace-operations.ts); the frame is lib/api/api-route.ts.
import { apiRoute } from '@/lib/api/api-route';
import { getWorkspace } from '@/lib/api/operations/workspace-operations';

export const GET = apiRoute(getWorkspace);
