// Unexpected server errors, logged once with the workspace they happened in. The browser only sees
// app/error.tsx with the digest; this line is what lets you find the rest.
import type { Instrumentation } from 'next';
import { classifyHost } from './lib/hosts/classify-host';
import { hostOptions } from './lib/hosts/host-options';

export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const hostHeader = request.headers.host;
  const host = classifyHost(Array.isArray(hostHeader) ? hostHeader[0] : hostHeader, hostOptions());
  const tenant = host.kind === 'tenant' ? host.slug : host.kind === 'custom' ? host.host : host.kind;
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : 'none';
  console.error(
    `[error] tenant=${tenant} route=${context.routePath} type=${context.routeType} path=${request.path} digest=${digest}`,
    error,
  );
};
