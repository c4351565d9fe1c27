// The host options of this deployment, from the validated environment.
import { env } from '../env';
import type { HostOptions } from './classify-host';

export function hostOptions(): HostOptions {
  return { rootDomain: env().ROOT_DOMAIN, vercelPreviews: process.env.VERCEL === '1' };
}
