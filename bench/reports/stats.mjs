/**
 * Milliseconds of each of `runs` sequential calls, after two warm-up calls. With `slowMs`, a first call
 * slower than that is the only one (a naive query taking minutes on PGlite is not repeated 40 times).
 */
export async function timeRuns(runs, fn, slowMs = Number.POSITIVE_INFINITY) {
  const t0 = process.hrtime.bigint();
  await fn();
  const first = Number(process.hrtime.bigint() - t0) / 1e6;
  if (first > slowMs) return [first];
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
