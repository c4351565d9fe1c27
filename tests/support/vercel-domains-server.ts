// A local stand-in for Vercel's project-domains REST API, as its documentation describes it:
//   POST   /v10/projects/{idOrName}/domains           {name}  → 200; 400 already on this project;
//                                                              409 in use by another project
//   DELETE /v9/projects/{idOrName}/domains/{domain}           → 200; 404 not on the project
// Bearer token required (403 otherwise, as Vercel answers an invalid token). setDown: every call 503.
import http from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

export type FakeVercelDomains = {
  apiUrl: string;
  projectId: string;
  apiToken: string;
  domains(): string[];
  calls(): { method: string; path: string; status: number }[];
  takenByAnotherProject(hostname: string): void;
  setDown(down: boolean): void;
  close(): Promise<void>;
};

export async function startFakeVercelDomains(): Promise<FakeVercelDomains> {
  const projectId = 'prj_local';
  const apiToken = 'vercel-test-token';
  const domains = new Set<string>();
  const elsewhere = new Set<string>();
  const calls: { method: string; path: string; status: number }[] = [];
  let down = false;

  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      const answer = (status: number, payload: unknown) => {
        calls.push({ method: request.method ?? '', path, status });
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      };
      if (down) return answer(503, { error: { code: 'service_unavailable' } });
      if (request.headers.authorization !== `Bearer ${apiToken}`) return answer(403, { error: { code: 'forbidden' } });
      if (request.method === 'POST' && path === `/v10/projects/${projectId}/domains`) {
        const name = (JSON.parse(body || '{}') as { name?: string }).name ?? '';
        if (domains.has(name)) return answer(400, { error: { code: 'domain_already_in_use' } });
        if (elsewhere.has(name)) return answer(409, { error: { code: 'domain_already_in_use' } });
        domains.add(name);
        return answer(200, { name, projectId, verified: true });
      }
      const removal = path.match(new RegExp(`^/v9/projects/${projectId}/domains/([^/]+)$`));
      if (request.method === 'DELETE' && removal?.[1]) {
        const name = decodeURIComponent(removal[1]);
        if (!domains.delete(name)) return answer(404, { error: { code: 'not_found' } });
        return answer(200, {});
      }
      return answer(404, { error: { code: 'not_found' } });
    });
  });
  const port = await listenOnLoopback(server);
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    projectId,
    apiToken,
    domains: () => [...domains],
    calls: () => [...calls],
    takenByAnotherProject: (hostname) => elsewhere.add(hostname),
    setDown: (value) => {
      down = value;
    },
    close: () => closeServer(server),
  };
}
