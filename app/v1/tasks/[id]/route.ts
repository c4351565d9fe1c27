// GET, PATCH and DELETE /v1/tasks/{id} (lib/api/operations/task-operations.ts).
import { apiRoute } from '@/lib/api/api-route';
import { deleteTaskOperation, getTask, updateTaskOperation } from '@/lib/api/operations/task-operations';

export const GET = apiRoute(getTask);
export const PATCH = apiRoute(updateTaskOperation);
export const DELETE = apiRoute(deleteTaskOperation);
