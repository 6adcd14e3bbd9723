import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseRetryAfter } from "../../src/watch/http.js";
import { MAX_BACKOFF_MS, nextPollDelay } from "../../src/watch/schedule.js";

test("a healthy feed is polled at its interval", () => {
  assert.equal(nextPollDelay(300_000, 0), 300_000);
});

test("back-off doubles per failure, within ±10 %, capped at six hours and never below the interval", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 50, max: 86_400_000 }),
      fc.integer({ min: 1, max: 60 }),
      fc.double({ min: 0, max: 0.999999, noNaN: true }),
      (interval, failures, r) => {
        const d = nextPollDelay(interval, failures, null, () => r);
        const base = Math.max(interval, Math.min(interval * 2 ** failures, MAX_BACKOFF_MS));
        assert.ok(d >= Math.floor(base * 0.9) && d <= Math.ceil(base * 1.1), `${d} vs ${base}`);
        if (interval <= MAX_BACKOFF_MS) assert.ok(d <= MAX_BACKOFF_MS * 1.1 + 1);
      },
    ),
  );
  assert.equal(
    nextPollDelay(1000, 3, null, () => 0.5),
    8000,
  );
});

test("Retry-After wins when longer, in seconds or as a date", () => {
  assert.equal(
    nextPollDelay(1000, 1, 120_000, () => 0.5),
    120_000,
  );
  assert.equal(parseRetryAfter("120"), 120_000);
  assert.equal(parseRetryAfter(new Date(Date.UTC(2030, 0, 1)).toUTCString(), Date.UTC(2029, 11, 31, 23, 59)), 60_000);
  assert.equal(parseRetryAfter("soon"), null);
  assert.equal(parseRetryAfter(null), null);
});
