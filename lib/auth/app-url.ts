// The root site's origin (scheme, host, port): where sign-in lives and what every emailed link and
// cross-host redirect is built from. From APP_URL, never from a request's Host header.
import { env } from '../env';

export function appUrl(): URL {
  const { APP_URL, ROOT_DOMAIN, NODE_ENV } = env();
  if (APP_URL) return new URL(APP_URL);
  if (NODE_ENV === 'production') throw new Error('APP_URL is not set: it is required in production');
  return new URL(`http://${ROOT_DOMAIN}:${process.env.PORT ?? '3000'}`);
}

/** The origin a workspace host is served on: the app's scheme and port, that host. */
export function originForHost(host: string): string {
  const url = appUrl();
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}
