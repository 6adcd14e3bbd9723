/**
 * B-cubed precision, recall and F1 of a predicted partition against a gold one (item → label maps; items missing
 * from either side are left out), as in ../shared/tools/rasdlib.py: per item, the share of its predicted cluster
 * that is in its gold cluster (precision) and the share of its gold cluster that is in its predicted one (recall).
 */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

export function bcubed(gold: ReadonlyMap<string, string>, pred: ReadonlyMap<string, string>): BCubed {
  const items = [...gold.keys()].filter((i) => pred.has(i));
  const gsets = groupBy(items, gold);
  const psets = groupBy(items, pred);
  let p = 0;
  let r = 0;
  for (const i of items) {
    const g = gsets.get(gold.get(i)!)!;
    const c = psets.get(pred.get(i)!)!;
    let inter = 0;
    for (const x of c) if (g.has(x)) inter++;
    p += inter / c.size;
    r += inter / g.size;
  }
  const n = items.length || 1;
  p /= n;
  r /= n;
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function groupBy(items: readonly string[], label: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const i of items) {
    const l = label.get(i)!;
    let s = out.get(l);
    if (!s) out.set(l, (s = new Set()));
    s.add(i);
  }
  return out;
}
