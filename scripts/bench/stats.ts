/** The median resists the odd round disturbed by something else on the machine. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Linear interpolation between the nearest ranks (so p99 of 50 samples lies between the two largest). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable between processes of the machine. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
