// Prisma's code for a foreign key refusing a write: an expected failure when the key proves a rule
// (a task's assignee must be a member of the task's own workspace), turned into a message.
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2003';
}
