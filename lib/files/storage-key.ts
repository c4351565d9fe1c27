// Where a file's bytes live: built by the server from two uuids, never from anything a client
// typed. The files table's CHECK constraint holds the same shape, and the drivers refuse any other.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const STORAGE_KEY = new RegExp(`^tenants/${UUID}/${UUID}$`);
const FILE_ID = new RegExp(`^${UUID}$`);

export function storageKey(tenantId: string, fileId: string): string {
  const key = `tenants/${tenantId}/${fileId}`;
  assertStorageKey(key);
  return key;
}

export function isFileId(value: string): boolean {
  return FILE_ID.test(value);
}

/** Drivers call this before touching a path or an object: no other shape reaches storage. */
export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error('not a storage key: keys are tenants/{tenantId}/{fileId}');
}
