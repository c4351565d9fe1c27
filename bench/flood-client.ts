// bench:noisy's flooding client, in a process of its own (forked by bench/noisy.ts): its event loop
// and its garbage collector then cannot delay the quiet client's timings, so what the quiet page
// loses under the flood is the server's doing. Asked over IPC for one open-loop phase at a time.
import http from 'node:http';
import { openLoop } from './open-loop';

export type FloodOrder = { host: string; port: number; cookie: string; rate: number; seconds: number };
export type FloodReport = { latencies: number[]; statuses: [number, number][]; errors: number };

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get({ host, port, cookie }: FloodOrder): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: '/', agent, headers: { host: `${host}:${port}`, cookie } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

process.on('message', async (order: FloodOrder) => {
  const run = await openLoop(order.rate, order.seconds, () => get(order));
  const report: FloodReport = { latencies: run.latencies, statuses: [...run.statuses], errors: run.errors };
  process.send?.(report);
});
process.on('disconnect', () => {
  agent.destroy();
  process.exit(0);
});
