// The host options of this deployment, from the validated environment.
import { env } from '../env';
import type { HostOptions } from './classify-host';

export function hostOptions(): HostOptions {
  // Preview hosts only on preview deployments: in production an attacker's own preview host
  // (acme---x.their-project.vercel.app) must not count as one of our workspaces.
  return { rootDomain: env().ROOT_DOMAIN, vercelPreviews: process.env.VERCEL_ENV === 'preview' };
}
