// Small helpers shared by the benchmark scripts: percentiles over raw samples and a fixed pool of workers.

/** The p-th percentile (nearest rank) of the samples; NaN when there are none. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

export const median = (xs: readonly number[]) => percentile(xs, 50);

export const round1 = (x: number) => Math.round(x * 10) / 10;

/** Runs job(0) ... job(total - 1) on `concurrency` workers, each taking the next index when it is free; returns ms. */
export async function runWorkers(
  total: number,
  concurrency: number,
  job: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (let i = next++; i < total; i = next++) await job(i);
    }),
  );
  return performance.now() - t0;
}
