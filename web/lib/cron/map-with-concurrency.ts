// Bounded concurrency for external calls: at most `limit` items in flight, never one-by-one and never
// all at once. `shouldStart` lets a job stop taking new items (time budget) while in-flight ones finish.

export type Settled<R> =
  { status: "fulfilled"; value: R } | { status: "rejected"; reason: unknown } | { status: "not_started" };

export interface MapOptions {
  /** Checked before each item starts; once it returns false no further item starts. */
  shouldStart?: () => boolean;
}

export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  opts: MapOptions = {},
): Promise<Settled<R>[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`concurrency limit must be a positive integer, got ${limit}`);
  const results: Settled<R>[] = items.map(() => ({ status: "not_started" }));
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < items.length) {
      if (opts.shouldStart && !opts.shouldStart()) {
        stopped = true;
        return;
      }
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await fn(items[index] as T, index) };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
