// A loopback port nothing listens on (taken and released at once): a service that is down.
import { createServer } from 'node:net';
import { listenOnLoopback } from './loopback-server';

export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}
