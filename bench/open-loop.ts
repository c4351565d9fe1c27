// An open-loop load generator: requests start at a fixed rate whatever the answers take, as real
// clients do (a closed loop slows down with the server and hides queueing). Latency counts from
// each request's scheduled start, so a late start counts against the server too.
export type OpenLoopResult = { latencies: number[]; statuses: Map<number, number>; errors: number };

export async function openLoop(rate: number, seconds: number, send: () => Promise<number>): Promise<OpenLoopResult> {
  const result: OpenLoopResult = { latencies: [], statuses: new Map(), errors: 0 };
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(
      send().then(
        (status) => {
          result.latencies.push(performance.now() - due);
          result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
        },
        () => {
          result.errors++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return result;
}

export function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
