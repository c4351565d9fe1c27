// graphile-worker's log, in our log's shape: "[jobs] …", warnings and errors always, its chatter
// (each job started and finished) only with JOBS_VERBOSE=1.
import { Logger, type LogLevel } from 'graphile-worker';

export function jobLogger(): Logger {
  const verbose = process.env.JOBS_VERBOSE === '1';
  return new Logger(() => (level: LogLevel, message: string) => {
    if (level === 'error') console.error(`[jobs] ${message}`);
    else if (level === 'warning') console.warn(`[jobs] ${message}`);
    else if (verbose) console.log(`[jobs] ${message}`);
  });
}
