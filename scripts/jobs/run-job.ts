// How the scheduled jobs run: once (for cron), or with `--every N` forever, every N minutes. One run
// at a time, the next scheduled when this one ends; a failed run is logged and the schedule goes
// on (a one-off run exits 1).
import { parseArgs } from 'node:util';

export async function runJob(label: string, run: () => Promise<void>): Promise<void> {
  const { values } = parseArgs({ options: { every: { type: 'string' } } });
  const everyMinutes = values.every ? Number(values.every) : undefined;
  if (everyMinutes !== undefined && !(everyMinutes > 0)) {
    console.error(`[${label}] --every takes a number of minutes`);
    process.exit(2);
  }
  try {
    await run();
  } catch (error) {
    console.error(`[${label}] run failed:`, error);
    if (everyMinutes === undefined) process.exit(1);
  }
  if (everyMinutes === undefined) process.exit(0);
  setTimeout(() => void runJob(label, run), everyMinutes * 60_000);
}
