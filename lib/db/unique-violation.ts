// Prisma's code for a unique constraint refusing a write: an expected failure (a name taken, a
// race lost), which callers turn into a message instead of an error page.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}
