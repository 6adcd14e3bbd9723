/** Longest wait between two polls of a failing feed: six hours, however long the streak. */
export const MAX_BACKOFF_MS = 6 * 3600 * 1000;

/**
 * When to poll a feed next.
 *
 *   healthy:  interval
 *   failing:  interval · 2^failures, at most MAX_BACKOFF_MS (and never less than the interval), ±10 % jitter so
 *             that feeds failing together (one host down) do not come back in lockstep
 *   told:     Retry-After from the server, when longer
 *
 * `random` is injectable for tests; it must return values in [0, 1).
 */
export function nextPollDelay(
  intervalMs: number,
  failures: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  let delay = intervalMs;
  if (failures > 0) {
    const grown = intervalMs * 2 ** Math.min(failures, 30);
    delay = Math.max(intervalMs, Math.min(grown, MAX_BACKOFF_MS));
    delay *= 0.9 + 0.2 * random();
  }
  if (retryAfterMs !== null) delay = Math.max(delay, Math.min(retryAfterMs, MAX_BACKOFF_MS));
  return Math.round(delay);
}
