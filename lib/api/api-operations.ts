// Every operation of the v1 API, in the order the document lists them. A test holds this list and
// the route files under app/v1 to each other.
import type { SomeApiOperation } from './api-operation';
import { listMembers } from './operations/member-operations';
import {
  createProjectOperation,
  deleteProjectOperation,
  getProject,
  listProjects,
  updateProject,
} from './operations/project-operations';
import {
  createTaskOperation,
  deleteTaskOperation,
  getTask,
  listTasks,
  updateTaskOperation,
} from './operations/task-operations';
import { getWorkspace } from './operations/workspace-operations';

export const API_OPERATIONS: readonly SomeApiOperation[] = [
  getWorkspace,
  listProjects,
  createProjectOperation,
  getProject,
  updateProject,
  deleteProjectOperation,
  listTasks,
  createTaskOperation,
  getTask,
  updateTaskOperation,
  deleteTaskOperation,
  listMembers,
];
