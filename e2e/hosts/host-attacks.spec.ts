// Host header attacks against the real server (`next start`), over raw HTTP so that any Host and
// header can be sent: the "Hosts and routing" lines of shared/THREATS.md.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { HOSTS_SERVER } from '../support/e2e-servers';
import { SESSION_COOKIE, sessionCookieValue } from '../support/sign-in-as';

const PORT = HOSTS_SERVER.port;
// Carol, a member of both workspaces, signed in on acme's host: what she may see there is acme.
let cookie = '';
test.beforeAll(async () => {
  cookie = `${SESSION_COOKIE}=${await sessionCookieValue(HOSTS_SERVER, 'carol@consulting.test', 'acme.localhost')}`;
});

type Answer = { status: number; body: string; location?: string };

function get(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: PORT, path, method: 'GET', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body, location: response.headers.location }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

const ACME = 'Rocket Skates';
const GLOBEX = 'Doomsday Device';

test('case, port and one trailing dot are normalised to the same workspace', async () => {
  for (const host of ['ACME.LOCALHOST:3100', 'acme.localhost.:3100', 'acme.localhost']) {
    const { status, body } = await get('/', { host, cookie });
    expect(status, host).toBe(200);
    expect(body).toContain(ACME);
  }
});

test('X-Forwarded-Host and other forwarding headers from a client do not change the workspace', async () => {
  const { status, body } = await get('/', {
    host: 'acme.localhost:3100',
    cookie,
    'x-forwarded-host': 'globex.localhost:3100',
    forwarded: 'host=globex.localhost:3100',
    'x-original-host': 'globex.localhost:3100',
  });
  expect(status).toBe(200);
  expect(body).toContain(ACME);
  expect(body).not.toContain(GLOBEX);
});

test('the internal tenant path is refused on every host, even with a spoofed middleware header', async () => {
  const attempts: Record<string, string>[] = [
    { host: 'localhost:3100' },
    { host: 'globex.localhost:3100' },
    { host: 'localhost:3100', 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    { host: 'localhost:3100', 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
  ];
  for (const headers of attempts) {
    for (const path of ['/t/acme', '/t/acme/', '/T/acme', '/t/%61cme', '/t']) {
      let answer = await get(path, { ...headers, cookie });
      // Next normalises a trailing slash with a 308 before any route or proxy runs; follow it once.
      if (answer.status === 308 && answer.location) answer = await get(answer.location, { ...headers, cookie });
      expect(answer.status, `${headers.host} ${path}`).toBe(404);
      expect(answer.body).not.toContain(ACME);
    }
  }
});

test('malformed, over-long, look-alike and unknown hosts get a 404, never a workspace or a 500', async () => {
  const hosts = [
    'acme..localhost:3100',
    `${'a'.repeat(64)}.localhost:3100`,
    'xn--cme-5cd.localhost:3100',
    'a.acme.localhost:3100',
    'api.localhost:3100',
    'nobody.localhost:3100',
    'evil.example:3100',
    'acme.localhost:notaport',
  ];
  for (const host of hosts) {
    const { status, body } = await get('/', { host, cookie });
    expect([400, 404], host).toContain(status);
    expect(body).not.toContain(ACME);
  }
});
