// GET, PATCH and DELETE /v1/projects/{id} (lib/api/operations/project-operations.ts).
import { apiRoute } from '@/lib/api/api-route';
import { deleteProjectOperation, getProject, updateProject } from '@/lib/api/operations/project-operations';

export const GET = apiRoute(getProject);
export const PATCH = apiRoute(updateProject);
export const DELETE = apiRoute(deleteProjectOperation);
