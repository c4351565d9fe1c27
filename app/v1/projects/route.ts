// GET and POST /v1/projects (lib/api/operations/project-operations.ts).
import { apiRoute } from '@/lib/api/api-route';
import { createProjectOperation, listProjects } from '@/lib/api/operations/project-operations';

export const GET = apiRoute(listProjects);
export const POST = apiRoute(createProjectOperation);
