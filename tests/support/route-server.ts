// Serves one App Router handler (`POST(request)`) over real HTTP on 127.0.0.1, so a test sends what
// a client sends, chunked bodies without Content-Length included, and the handler reads the body
// as the stream it is in production, not as a string handed to `new Request`.
import { createServer, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { closeServer, LOOPBACK, listenOnLoopback } from './loopback-server';

export type RouteHandler = (request: Request) => Promise<Response>;
export type RouteServer = { url: string; stop(): Promise<void> };

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const init = {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: 'half',
  };
  // `duplex` (required for a streamed body) is not in the DOM RequestInit type yet.
  return new Request(`http://${req.headers.host ?? LOOPBACK}${req.url ?? '/'}`, init as RequestInit);
}

export async function serveRoute(handler: RouteHandler): Promise<RouteServer> {
  const server = createServer((req, res) => {
    handler(toRequest(req))
      .then(async (response) => {
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
      })
      .catch((error: unknown) => {
        // A throw is a bug in the handler: Next would answer 500 too.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
  });
  const port = await listenOnLoopback(server);
  return { url: `http://${LOOPBACK}:${port}`, stop: () => closeServer(server) };
}
