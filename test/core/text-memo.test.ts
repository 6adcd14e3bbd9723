import assert from "node:assert/strict";
import { test } from "node:test";
import { TextMemo } from "../../src/core/text-memo.js";

test("a text memo makes each value once, and forgets the oldest texts past its budget of characters", () => {
  let made = 0;
  const make = (t: string) => {
    made++;
    return t.length;
  };
  const memo = new TextMemo<number>(10);
  assert.equal(memo.get("abcd", make), 4);
  assert.equal(memo.get("abcd", make), 4);
  assert.equal(made, 1, "the second use finds the first");
  memo.get("efgh", make); // 8 characters held
  memo.get("ijkl", make); // 12: the oldest (abcd) goes
  assert.equal(made, 3);
  memo.get("efgh", make);
  assert.equal(made, 3, "a text within the budget is kept");
  memo.get("abcd", make);
  assert.equal(made, 4, "the oldest text was forgotten, so it is made again");
});

test("a text longer than the whole budget is still kept until the next one, so its second use finds it", () => {
  let made = 0;
  const memo = new TextMemo<string>(4);
  const long = "a long text over the budget";
  memo.get(long, (t) => (made++, t.toUpperCase()));
  assert.equal(
    memo.get(long, (t) => (made++, t)),
    long.toUpperCase(),
  );
  assert.equal(made, 1);
});

test("a value remembered from elsewhere is what later uses get, and its text counts against the budget once", () => {
  const memo = new TextMemo<number>(8);
  memo.set("abcd", 42);
  memo.set("abcd", 43); // the same text again: still 4 characters held
  assert.equal(
    memo.get("abcd", () => 0),
    43,
  );
  memo.set("efgh", 1);
  assert.equal(
    memo.get("abcd", () => 0),
    43,
    "8 characters held: within the budget, nothing forgotten",
  );
});
