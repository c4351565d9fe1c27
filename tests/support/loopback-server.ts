// Starting and stopping the servers tests run on 127.0.0.1 (fakes of outside services, test
// identity providers, the mail catcher).
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Server } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** Listens on 127.0.0.1 (port 0: any free one); resolves with the port, rejects on EADDRINUSE. */
export async function listenOnLoopback(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Closes the server without waiting for clients' idle keep-alive sockets (fetch keeps them open). */
export function closeServer(server: HttpServer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
