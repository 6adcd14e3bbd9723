import { html, type Html } from "./html.js";
import { countText, t, type Lang } from "./i18n.js";
import { isolateRuns } from "../../i18n/index.js";

export interface ChartInput {
  /** Publication day (YYYY-MM-DD) of each article; undated ones are left out. */
  articleDays: readonly string[];
  /** The story's dated events, numbered as the timeline list numbers them (1-based). */
  events: ReadonlyArray<{ date: string; text: string; n: number }>;
  label: string;
}

const DAY_MS = 86_400_000;
/** A gap longer than this between dated items splits them into groups; the heaviest group is drawn to scale. */
const FOLD_GAP_DAYS = 45;
const MAX_ROWS = 3;

function dayOf(d: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/u.exec(d);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? "1") - 1, Number(m[3] ?? "1"));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

function iso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Geometry of one rendering (desktop or phone): the same drawing at a width where its text stays legible. */
interface Frame {
  w: number;
  font: number;
  /** Horizontal room one label needs, in the SVG's units. */
  labelRoom: number;
}
const WIDE: Frame = { w: 720, font: 12, labelRoom: 22 };
const NARROW: Frame = { w: 360, font: 13, labelRoom: 24 };
const H = 210;
const BASE = 120;

interface Dated {
  day: number;
  articles: number;
  events: Array<{ date: string; text: string; n: number }>;
}

/**
 * Splits the dated items into runs without a gap longer than FOLD_GAP_DAYS; the run with the most articles and
 * events is the main one, the others are folded (listed beside the chart, not drawn to scale), so one stray date
 * years away does not squeeze the story into one bar.
 */
export function foldOutliers(days: readonly Dated[]): { main: Dated[]; before: Dated[]; after: Dated[] } {
  const sorted = [...days].sort((a, b) => a.day - b.day);
  const runs: Dated[][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (last !== undefined && prev !== undefined && d.day - prev.day <= FOLD_GAP_DAYS) last.push(d);
    else runs.push([d]);
  }
  const weight = (r: Dated[]) => r.reduce((s, d) => s + d.articles + d.events.length, 0);
  let best = 0;
  runs.forEach((r, i) => {
    if (weight(r) > weight(runs[best]!)) best = i;
  });
  return { main: runs[best] ?? [], before: runs.slice(0, best).flat(), after: runs.slice(best + 1).flat() };
}

/**
 * The story over time as an SVG: one bar per day for the articles published that day, and a numbered marker per
 * timeline event below them. In Arabic time runs right to left, as the page reads. Labels are placed only where
 * they do not collide (each bar and marker keeps its <title>); the axis names the first and last day inside the
 * drawing. Two renderings, one for wide and one for narrow screens (CSS picks), keep the text legible on a phone.
 * Presentation attributes only (the CSP forbids inline styles).
 */
export function timelineChart(lang: Lang, input: ChartInput): Html {
  const by = new Map<number, Dated>();
  const at = (day: number) => {
    let d = by.get(day);
    if (d === undefined) {
      d = { day, articles: 0, events: [] };
      by.set(day, d);
    }
    return d;
  };
  for (const s of input.articleDays) {
    const day = dayOf(s);
    if (day !== null) at(day).articles++;
  }
  for (const e of input.events) {
    const day = dayOf(e.date);
    if (day !== null) at(day).events.push(e);
  }
  if (by.size === 0) return html``;
  const { main, before, after } = foldOutliers([...by.values()]);
  const folded = [...before, ...after];
  return html`<figure class="chart">
${draw(lang, input.label, main, WIDE, "chart-wide")}
${draw(lang, input.label, main, NARROW, "chart-narrow")}
<figcaption>${input.label}</figcaption>
${folded.length > 0 ? foldedList(lang, folded) : ""}
</figure>`;
}

function foldedList(lang: Lang, folded: readonly Dated[]): Html {
  return html`<p class="folded"><span>${t(lang, "chartFolded")}:</span> ${folded.map(
    (d) =>
      html`<span class="fold"><time datetime="${iso(d.day)}" dir="ltr">${iso(d.day)}</time>${d.articles > 0 ? html` (${countText(lang, "articles", d.articles)})` : ""}${d.events.map((e) => html` <a href="#tl-${e.n}"><bdi>[${e.n}]</bdi></a>`)}</span> `,
  )}</p>`;
}

function draw(lang: Lang, label: string, days: readonly Dated[], f: Frame, cls: string): Html {
  const pad = 12;
  const lo = Math.min(...days.map((d) => d.day));
  const hi = Math.max(...days.map((d) => d.day));
  const span = hi - lo + 1;
  const step = (f.w - 2 * pad) / span;
  const x = (day: number) => {
    const ltr = pad + (day - lo) * step + step / 2;
    return lang === "ar" ? f.w - ltr : ltr;
  };
  const max = Math.max(1, ...days.map((d) => d.articles));
  const bw = Math.max(2, Math.min(28, step * 0.7));
  // Count labels: the biggest bars claim their place first; a label that would touch a placed one is left out.
  const placed: number[] = [];
  const labelled = new Set<number>();
  for (const d of [...days].filter((d) => d.articles > 0).sort((a, b) => b.articles - a.articles || a.day - b.day)) {
    if (placed.every((p) => Math.abs(p - x(d.day)) >= f.labelRoom)) {
      placed.push(x(d.day));
      labelled.add(d.day);
    }
  }
  const bars = days
    .filter((d) => d.articles > 0)
    .map((d) => {
      const h = Math.max(2, Math.round(((BASE - 24) * d.articles) / max));
      const tip = isolateRuns(`${iso(d.day)}: ${countText(lang, "articles", d.articles)}`);
      return html`<rect class="bar" x="${(x(d.day) - bw / 2).toFixed(1)}" y="${BASE - h}" width="${bw.toFixed(1)}" height="${h}" fill="#3b6e8f"><title>${tip}</title></rect>${
        labelled.has(d.day)
          ? html`<text x="${x(d.day).toFixed(1)}" y="${BASE - h - 4}" text-anchor="middle" font-size="${f.font}" fill="#222">${d.articles}</text>`
          : ""
      }`;
    });
  const marks = eventMarks(days, x, f);
  const axis = axisLabels(days, x, f, lo, hi);
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.w} ${H}" role="group" aria-label="${label}" class="timeline-chart ${cls}">
<line x1="${pad}" y1="${BASE}" x2="${f.w - pad}" y2="${BASE}" stroke="#767676" stroke-width="1"/>
${bars}${marks}${axis}
</svg>`;
}

/**
 * Event markers in rows below the axis: each event takes the first row where it does not touch the previous marker;
 * when every row is taken at that place, the marker is drawn without its number (its <title> still names it).
 */
function eventMarks(days: readonly Dated[], x: (day: number) => number, f: Frame): Html[] {
  const rowEnd: number[] = new Array<number>(MAX_ROWS).fill(-Infinity);
  const out: Html[] = [];
  const events = days.flatMap((d) => d.events.map((e) => ({ ...e, day: d.day })));
  const order = [...events].sort((a, b) => x(a.day) - x(b.day) || a.n - b.n);
  for (const e of order) {
    const cx = x(e.day);
    let row = rowEnd.findIndex((end) => cx - end >= f.labelRoom);
    const numbered = row >= 0;
    if (row < 0) row = MAX_ROWS - 1;
    else rowEnd[row] = cx;
    const cy = BASE + 22 + row * 22;
    const tip = isolateRuns(`${e.date}: ${e.text}`);
    out.push(
      html`<a href="#tl-${e.n}"><circle class="event" cx="${cx.toFixed(1)}" cy="${cy}" r="${numbered ? 9 : 4}" fill="#a2461f"><title>${tip}</title></circle>${
        numbered
          ? html`<text x="${cx.toFixed(1)}" y="${cy + 4}" text-anchor="middle" font-size="${f.font - 1}" fill="#fff">${e.n}</text>`
          : ""
      }</a>`,
    );
  }
  return out;
}

/** The first and last day at the two ends, anchored inwards so they are never cut; a middle one when there is room. */
function axisLabels(days: readonly Dated[], x: (day: number) => number, f: Frame, lo: number, hi: number): Html[] {
  const y = H - 6;
  const dateWidth = f.font * 6;
  const label = (day: number) => {
    const px = x(day);
    const anchor = px < f.w / 3 ? "start" : px > (2 * f.w) / 3 ? "end" : "middle";
    const ax = anchor === "start" ? Math.max(2, px - 8) : anchor === "end" ? Math.min(f.w - 2, px + 8) : px;
    return html`<text x="${ax.toFixed(1)}" y="${y}" text-anchor="${anchor}" font-size="${f.font}" fill="#444" direction="ltr">${iso(day)}</text>`;
  };
  if (lo === hi)
    return [
      html`<text x="${(f.w / 2).toFixed(1)}" y="${y}" text-anchor="middle" font-size="${f.font}" fill="#444" direction="ltr">${iso(lo)}</text>`,
    ];
  const out = [label(lo), label(hi)];
  const mid = days.map((d) => d.day).find((d) => Math.abs(x(d) - f.w / 2) < f.w / 10);
  if (mid !== undefined && f.w / 2 - dateWidth > dateWidth && mid !== lo && mid !== hi) out.push(label(mid));
  return out;
}
