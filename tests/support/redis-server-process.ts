// A redis-server of a test's own, on a free loopback port, for outage tests: the shared one at
// 127.0.0.1:6379 is never stopped. pause() freezes it (commands time out), kill() ends it.
import { type ChildProcess, spawn } from 'node:child_process';
import { closedPort } from './closed-port';
import { testRedis } from './redis-keys';

export type RedisServerProcess = {
  url: string;
  pause(): void;
  resume(): void;
  kill(): Promise<void>;
  /** The same as kill(): the server is gone, as in an outage. */
  stop(): Promise<void>;
};

export async function startRedisServer(): Promise<RedisServerProcess> {
  const port = await closedPort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const probe = await testRedis(url);
    if (probe) {
      probe.disconnect();
      break;
    }
    if (attempt > 50 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    await exited;
  };
  return { url, pause: () => child.kill('SIGSTOP'), resume: () => child.kill('SIGCONT'), kill, stop: kill };
}
