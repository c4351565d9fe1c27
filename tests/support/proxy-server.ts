// proxy.ts served over real HTTP on 127.0.0.1 (tests/support/route-server.ts), and requests to it
// with the Host a browser would send: the proxy's answer (a rewrite, a 404 or its own 429) comes
// back as it would reach Next's router. Import it after the environment is set (lib/env caches it).
import { request as httpRequest } from 'node:http';
import { NextRequest } from 'next/server';
import { proxy } from '../../proxy';
import { serveRoute } from './route-server';

export type ProxyAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
export type ProxyServer = {
  send(host: string, path: string, init?: { method?: string; headers?: Record<string, string> }): Promise<ProxyAnswer>;
  stop(): Promise<void>;
};

/** `session`: a session cookie every request carries unless it sends its own (a signed-in browser). */
export async function serveProxy(options: { session?: string } = {}): Promise<ProxyServer> {
  const server = await serveRoute((request) => proxy(new NextRequest(request)));
  const { hostname, port } = new URL(server.url);
  return {
    stop: () => server.stop(),
    send: (host, path, init = {}) =>
      new Promise((resolve, reject) => {
        const cookie = options.session ? { cookie: `tenantry.session=${options.session}` } : {};
        const headers = { ...cookie, ...init.headers, host };
        const request = httpRequest({ hostname, port, path, method: init.method ?? 'GET', headers }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            body += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        });
        request.on('error', reject);
        request.end();
      }),
  };
}
