// The benchmarks' Next.js servers: `next start` of a build in `dir` on `port`, in production mode
// with the benchmark's session secret, resolved once it says it is ready.
import { type ChildProcess, spawn } from 'node:child_process';

/** Children get the benchmark's environment but not its Node options (tsx's loader, react-server). */
export const childEnv = () => ({ ...process.env, NODE_OPTIONS: '' });

export function startNext(nextBin: string, dir: string, port: number, authSecret: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port)], {
    cwd: dir,
    env: {
      ...childEnv(),
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      AUTH_SECRET: authSecret,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) =>
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('Ready') && resolve(child)),
  );
}
