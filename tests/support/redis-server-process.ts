// A Redis server of the test's own (a child process on a free loopback port, nothing persisted),
// for tests that stop Redis mid-test: the shared one at 127.0.0.1:6379 is never stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { closedPort } from './closed-port';
import { LOOPBACK } from './loopback-server';

export type RedisServerProcess = { url: string; stop(): Promise<void> };

export async function startRedisServer(): Promise<RedisServerProcess> {
  const port = await closedPort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', LOOPBACK, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    });
  });
  child.removeAllListeners('exit');
  return { url: `redis://${LOOPBACK}:${port}`, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
