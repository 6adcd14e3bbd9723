import { spans } from "./newsfane.js";

export interface TypeScore {
  type: string;
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** Exact-span precision, recall and F1 per type and overall (micro), as CoNLL scores them. */
export function scoreSpans(gold: readonly string[][], predicted: readonly string[][]): TypeScore[] {
  const count = new Map<string, { g: number; p: number; c: number }>();
  const get = (t: string) => {
    let x = count.get(t);
    if (x === undefined) count.set(t, (x = { g: 0, p: 0, c: 0 }));
    return x;
  };
  gold.forEach((g, i) => {
    const gs = spans(g);
    const ps = spans(predicted[i] ?? []);
    for (const s of gs) {
      const t = s.split(":")[0]!;
      get(t).g++;
      get("ALL").g++;
      if (ps.has(s)) {
        get(t).c++;
        get("ALL").c++;
      }
    }
    for (const s of ps) {
      get(s.split(":")[0]!).p++;
      get("ALL").p++;
    }
  });
  return [...count.entries()]
    .sort(([a], [b]) => (a === "ALL" ? 1 : b === "ALL" ? -1 : a.localeCompare(b)))
    .map(([type, { g, p, c }]) => {
      const precision = p ? c / p : 0;
      const recall = g ? c / g : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { type, precision, recall, f1, gold: g, predicted: p, correct: c };
    });
}

export function formatScores(rows: readonly TypeScore[]): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const lines = ["type     P      R      F1    gold  pred"];
  for (const r of rows)
    lines.push(
      `${r.type.padEnd(5)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${String(r.gold).padStart(6)} ${String(r.predicted).padStart(5)}`,
    );
  return lines.join("\n");
}
