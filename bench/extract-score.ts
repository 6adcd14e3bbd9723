/**
 * The Zyte article-extraction benchmark's scoring, as its evaluate.py computes it: 4-gram shingles over `\w+`
 * tokens, TP/FP/FN per page normalised to sum 1, precision and recall averaged over pages (precision over pages
 * with a prediction, recall over pages with a truth), F1 from the two averages.
 */
export type Tpfpfn = [number, number, number];

/** Python's `\w+` with re.UNICODE: letters, digits, underscore (marks are not word characters there). */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const t = tokens(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const s = t.slice(i, i + n);
    if (s.length === 0) continue;
    const key = s.join("\u0001");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export function shingleMatch(truth: string, pred: string): Tpfpfn {
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const t = a.get(key) ?? 0;
    const p = b.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function precision([tp, fp, fn]: Tpfpfn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recall([tp, fp, fn]: Tpfpfn): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

export function metrics(rows: readonly Tpfpfn[]): { precision: number; recall: number; f1: number } {
  const p = mean(rows.filter(([tp, fp]) => tp + fp > 0).map(precision));
  const r = mean(rows.filter(([tp, , fn]) => tp + fn > 0).map(recall));
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
