// GET /v1/members (lib/api/operations/member-operations.ts).
import { apiRoute } from '@/lib/api/api-route';
import { listMembers } from '@/lib/api/operations/member-operations';

export const GET = apiRoute(listMembers);
