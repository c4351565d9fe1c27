// SCIM ids here are UUIDs; anything else is simply not found (never a database error).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isScimId(value: string): boolean {
  return UUID.test(value);
}
