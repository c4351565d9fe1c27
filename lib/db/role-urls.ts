// The six database connections and where their URLs come from. Production names each one; in
// development and tests the runtime URLs are derived from the owner's DATABASE_URL by swapping the
// role, so a newcomer sets one variable (or none: embedded PostgreSQL).
import type { Env } from '../env';

export const APP_ROLE = 'app_user';
export const PLATFORM_ROLE = 'platform_admin';
export const AUTH_ROLE = 'auth_user';
export const BILLING_ROLE = 'billing_user';
/** The job worker's own connection to the queue (graphile_worker's schema); tenant work still runs as app_user. */
export const JOB_WORKER_ROLE = 'job_worker';

/** The runtime roles the migrations create without LOGIN; `db:migrate` gives them their URLs' passwords. */
export const RUNTIME_ROLES = [APP_ROLE, AUTH_ROLE, BILLING_ROLE, PLATFORM_ROLE, JOB_WORKER_ROLE];

/** Development-only password the migrate script gives the derived roles. Never used in production. */
const DEV_ROLE_PASSWORD = 'dev-only-password';

/** The owner's URL with the role swapped in: how dev and test derive the runtime roles' URLs. */
export function withRole(ownerUrl: string, role: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = DEV_ROLE_PASSWORD;
  return url.toString();
}

function derive(env: Env, role: string, name: string): string {
  if (env.NODE_ENV === 'production') {
    throw new Error(`${name} is required in production (the ${role} role's connection URL)`);
  }
  if (!env.DATABASE_URL) {
    throw new Error(`${name} or DATABASE_URL must be set (run the app with \`npm run dev\`)`);
  }
  return withRole(env.DATABASE_URL, role);
}

export function appDatabaseUrl(env: Env): string {
  return env.APP_DATABASE_URL ?? derive(env, APP_ROLE, 'APP_DATABASE_URL');
}

export function platformDatabaseUrl(env: Env): string {
  return env.PLATFORM_DATABASE_URL ?? derive(env, PLATFORM_ROLE, 'PLATFORM_DATABASE_URL');
}

export function authDatabaseUrl(env: Env): string {
  return env.AUTH_DATABASE_URL ?? derive(env, AUTH_ROLE, 'AUTH_DATABASE_URL');
}

export function billingDatabaseUrl(env: Env): string {
  return env.BILLING_DATABASE_URL ?? derive(env, BILLING_ROLE, 'BILLING_DATABASE_URL');
}

export function jobWorkerDatabaseUrl(env: Env): string {
  return env.JOB_WORKER_DATABASE_URL ?? derive(env, JOB_WORKER_ROLE, 'JOB_WORKER_DATABASE_URL');
}
