import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** One import that crosses from a top-level folder of src/ to another: who imports what. */
export interface Crossing {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

/**
 * Every relative module specifier of a TypeScript file: static imports (type-only ones too: a contract lives below
 * its users), re-exports and dynamic `import()`. The compiler's own pre-processor reads them, so comments and
 * strings that merely look like imports are not counted.
 */
export function specifiersOf(text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((f) => f.fileName).filter((s) => s.startsWith("."));
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.isFile() && p.endsWith(".ts") ? [p] : [];
  });
}

/** The top-level unit of src/ a path belongs to: its first folder, or the file itself for a file at the top. */
function unitOf(src: string, path: string): string {
  const parts = relative(src, path).split(sep);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.(ts|js)$/u, "");
}

/** Every import under `src` that goes from one top-level folder (or top file) to another. */
export function crossings(src: string): Crossing[] {
  const out: Crossing[] = [];
  for (const file of tsFiles(src)) {
    const from = unitOf(src, file);
    for (const specifier of specifiersOf(readFileSync(file, "utf8"))) {
      const target = resolve(dirname(file), specifier);
      const rel = relative(src, target);
      if (rel.startsWith("..")) continue; // outside src/ (package.json, data)
      const to = unitOf(src, target);
      if (to !== from) out.push({ from, to, file: relative(src, file), specifier });
    }
  }
  return out;
}

/**
 * The import cycles between units: in each strongly connected component of more than one unit (Tarjan), the
 * shortest cycle through each of its units, as closed paths `a → b → … → a` (the same cycle once, however entered),
 * so that one run names every pair of folders that has to be taken apart.
 */
export function cycles(edges: readonly Pick<Crossing, "from" | "to">[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Set());
    if (!next.has(e.to)) next.set(e.to, new Set());
    next.get(e.from)!.add(e.to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of [...next.get(v)!].sort()) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) components.push(c.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const c of components) {
    for (const start of c) {
      const path = closedPath(start, c, next);
      const ring = path.slice(0, -1);
      const least = ring.indexOf([...ring].sort()[0]!);
      const key = [...ring.slice(least), ...ring.slice(0, least)].join(" ");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(path);
    }
  }
  return out;
}

/** A shortest cycle through `start`, by breadth-first search inside its component. */
function closedPath(
  start: string,
  component: readonly string[],
  next: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const inside = new Set(component);
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...next.get(v)!].sort()) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = parent.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...component, start]; // unreachable for a strongly connected component
}
