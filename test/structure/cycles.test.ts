import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/core/paths.js";
import { crossings, cycles, specifiersOf } from "./folder-graph.js";

test("no import cycle between the top-level folders of src/ (type-only imports count)", () => {
  const edges = crossings(join(projectRoot(), "src"));
  assert.ok(edges.length > 20, `only ${edges.length} imports across folders found: is the parser reading src/?`);
  const found = cycles(edges);
  const explain = found.map((cycle) => {
    const steps = cycle.slice(0, -1).map((from, i) => {
      const to = cycle[i + 1]!;
      const e = edges.find((x) => x.from === from && x.to === to)!;
      return `  ${from} → ${to}: src/${e.file} imports "${e.specifier}"`;
    });
    return `${cycle.join(" → ")}\n${steps.join("\n")}`;
  });
  assert.deepEqual(explain, [], `import cycles between folders of src/:\n${explain.join("\n")}`);
});

test("the import reader sees type-only imports, re-exports and dynamic imports, and nothing in comments", () => {
  const text = [
    `import type { A } from "../store/hooks.js";`,
    `import {`,
    `  b,`,
    `  type C,`,
    `} from "./b.js";`,
    `export * from "../core/errors.js";`,
    `export { d } from "./d.js";`,
    `const e = await import("../queue/worker.js");`,
    `// import { f } from "../server/app.js";`,
    `const g = "import x from '../cli/main.js'";`,
    `import pg from "pg";`,
  ].join("\n");
  assert.deepEqual(specifiersOf(text).sort(), [
    "../core/errors.js",
    "../queue/worker.js",
    "../store/hooks.js",
    "./b.js",
    "./d.js",
  ]);
});

test("the cycle finder names every cycle, of two folders or more, and no acyclic path", () => {
  const e = (from: string, to: string) => ({ from, to });
  assert.deepEqual(cycles([e("cli", "pipeline"), e("pipeline", "store"), e("cli", "store")]), []);
  assert.deepEqual(cycles([e("pipeline", "queue"), e("queue", "pipeline")]), [["pipeline", "queue", "pipeline"]]);
  assert.deepEqual(cycles([e("a", "b"), e("b", "c"), e("c", "a"), e("c", "d"), e("x", "y"), e("y", "x")]), [
    ["a", "b", "c", "a"],
    ["x", "y", "x"],
  ]);
});
