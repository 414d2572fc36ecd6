/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight, results in input
 * order. The grader runs one kernel per call, so `concurrency` is the number of cores.
 *
 * @example await mapPool(files, availableParallelism(), (f) => gradeSubmission(f, …))
 */
export async function mapPool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`mapPool: expected a concurrency of at least 1, got ${concurrency}`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
