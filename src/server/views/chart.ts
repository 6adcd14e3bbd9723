import { html, type Html } from "./html.js";
import type { Lang } from "./i18n.js";

export interface ChartInput {
  /** Publication day (YYYY-MM-DD) of each article; undated ones are left out. */
  articleDays: readonly string[];
  /** The story's dated events, numbered as the timeline list numbers them (1-based). */
  events: ReadonlyArray<{ date: string; text: string; n: number }>;
  label: string;
}

const W = 720;
const H = 220;
const MAX_STACK = 4;
const PAD = 28;
const BASE = 130;
const DAY_MS = 86_400_000;

function dayOf(d: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(d);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? "1") - 1, Number(m[3] ?? "1"));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

function iso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The story over time as an SVG: one bar per day for the articles published that day, and a marker per timeline
 * event below them. In Arabic time runs right to left, as the page reads. Presentation attributes only (the CSP
 * forbids inline styles); each bar and marker has a <title> for its tooltip and a11y.
 */
export function timelineChart(lang: Lang, input: ChartInput): Html {
  const counts = new Map<number, number>();
  for (const d of input.articleDays) {
    const day = dayOf(d);
    if (day !== null) counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const evDays = input.events
    .map((e) => ({ ...e, day: dayOf(e.date) }))
    .filter((e): e is typeof e & { day: number } => e.day !== null);
  const all = [...counts.keys(), ...evDays.map((e) => e.day)];
  if (all.length === 0) return html``;
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = Math.max(1, hi - lo + 1);
  const step = (W - 2 * PAD) / span;
  const x = (day: number) => {
    const ltr = PAD + (day - lo) * step + step / 2;
    return lang === "ar" ? W - ltr : ltr;
  };
  const max = Math.max(1, ...counts.values());
  const bw = Math.max(3, Math.min(28, step * 0.7));
  const bars = [...counts.entries()].map(([day, n]) => {
    const h = Math.round(((BASE - 20) * n) / max);
    return html`<rect class="bar" x="${(x(day) - bw / 2).toFixed(1)}" y="${BASE - h}" width="${bw.toFixed(1)}" height="${h}" fill="#3b6e8f"><title>${iso(day)}: ${n}</title></rect>
<text x="${x(day).toFixed(1)}" y="${BASE - h - 4}" text-anchor="middle" font-size="11" fill="#333">${n}</text>`;
  });
  // Events of the same day stack downwards, so their numbers stay readable (at most MAX_STACK rows).
  const row = new Map<number, number>();
  const marks = evDays.map((e) => {
    const k = Math.min(MAX_STACK - 1, row.get(e.day) ?? 0);
    row.set(e.day, k + 1);
    const cy = BASE + 20 + k * 16;
    const tx = x(e.day) + (lang === "ar" ? -10 : 10);
    return html`<a href="#tl-${e.n}"><circle class="event" cx="${x(e.day).toFixed(1)}" cy="${cy}" r="5" fill="#b5542c"><title>${e.date}: ${e.text}</title></circle>
<text x="${tx.toFixed(1)}" y="${cy + 4}" text-anchor="middle" font-size="10" fill="#b5542c">${e.n}</text></a>`;
  });
  const ticks = [lo, hi]
    .filter((d, i, a) => a.indexOf(d) === i)
    .map(
      (d) =>
        html`<text x="${x(d).toFixed(1)}" y="${H - 4}" text-anchor="middle" font-size="11" fill="#555">${iso(d)}</text>`,
    );
  return html`<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${input.label}" class="timeline-chart">
<line x1="${PAD}" y1="${BASE}" x2="${W - PAD}" y2="${BASE}" stroke="#999" stroke-width="1"/>
<line x1="${PAD}" y1="${BASE + 20}" x2="${W - PAD}" y2="${BASE + 20}" stroke="#ddd" stroke-width="1"/>
${bars}${marks}${ticks}
</svg><figcaption>${input.label}</figcaption></figure>`;
}
