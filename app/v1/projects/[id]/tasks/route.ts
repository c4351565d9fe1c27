// GET and POST /v1/projects/{id}/tasks (lib/api/operations/task-operations.ts).
import { apiRoute } from '@/lib/api/api-route';
import { createTaskOperation, listTasks } from '@/lib/api/operations/task-operations';

export const GET = apiRoute(listTasks);
export const POST = apiRoute(createTaskOperation);
