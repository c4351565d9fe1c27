// A closed-loop load generator: N workers each run one operation after another for a fixed time.
// Reports throughput and latency percentiles. Shared by the bench:* scripts.

export type Measurement = { qps: number; p50: number; p99: number; count: number; cpuMicros: number };

export async function measure(workers: number, seconds: number, operation: () => Promise<void>): Promise<Measurement> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await operation();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((x, y) => x - y);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    qps: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    count: latencies.length,
    cpuMicros: (cpu.user + cpu.system) / latencies.length,
  };
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
