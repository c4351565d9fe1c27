// A database that exists only for one drift check, so the schema engine never connects to a
// database anyone cares about. Created from template0: whatever was added to template1 (extensions,
// tables) must not show up as drift.
import { randomBytes } from 'node:crypto';
import { databaseUrl } from '../database-server';
import { withClient } from '../with-client';

export type ThrowawayDatabase = { name: string; url: string; drop(): Promise<void> };

/** `serverUrl` must be able to CREATE DATABASE (the owner or a superuser). */
export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE template0`),
  );
  return {
    name,
    url: databaseUrl(serverUrl, name),
    // FORCE: a pool the engine left open must not keep the database alive.
    drop: () =>
      withClient(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      ).then(() => {}),
  };
}
