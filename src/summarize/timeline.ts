import type { Article, DateRef, TimelineEntry } from "../core/types.js";
import { supportIndex, supportingArticles, supports, type SupportIndex } from "./support.js";
import type { Corpus, Unit } from "./units.js";

/** Most entries a timeline lists; past it the dates reported by the fewest articles go first. */
export const MAX_ENTRIES = 40;
/** Entries one date may hold (several events on one day, told differently). */
export const MAX_PER_DATE = 3;

interface Event {
  date: string;
  unit: Unit;
  articles: Set<number>;
}

/**
 * The story's dated events. Every resolved date in an article's text (`DateRef.value`, after the dates were
 * resolved against the story's publication dates) dates the sentence that holds it. Sentences of one date that
 * state the same thing (support.ts, in either direction) are one event; its sources are the articles that dated it
 * or that state it. Sorted by date; the event's text is the sentence of the earliest article that dated it.
 */
export function storyTimeline(
  articles: readonly Article[],
  corpus: Corpus,
  ids: readonly string[],
  ix: SupportIndex = supportIndex(corpus),
): TimelineEntry[] {
  const byDate = new Map<string, Event[]>();
  articles.forEach((article, a) => {
    for (const d of article.dates) {
      const unit = datedUnit(corpus.byArticle[a]!, d);
      if (!unit || d.value === null) continue;
      const events = byDate.get(d.value) ?? [];
      byDate.set(d.value, events);
      const same = events.find(
        (e) => e.unit.id === unit.id || supports(ix, e.unit, unit) || supports(ix, unit, e.unit),
      );
      if (same) same.articles.add(a);
      else events.push({ date: d.value, unit, articles: new Set([a]) });
    }
  });
  const events = [...byDate.values()].flatMap((es) =>
    es.sort((x, y) => y.articles.size - x.articles.size).slice(0, MAX_PER_DATE),
  );
  const kept = events
    .sort((x, y) => y.articles.size - x.articles.size)
    .slice(0, MAX_ENTRIES)
    .sort((x, y) =>
      x.date < y.date ? -1 : x.date > y.date ? 1 : x.unit.article - y.unit.article || x.unit.start - y.unit.start,
    );
  return kept.map((e) => {
    for (const a of supportingArticles(ix, e.unit)) e.articles.add(a);
    return { date: e.date, text: e.unit.text, sources: [...e.articles].sort((x, y) => x - y).map((a) => ids[a]!) };
  });
}

/** The sentence of the article's text that holds the date (dates in captions, outside `text`, date nothing here). */
function datedUnit(units: readonly Unit[], d: DateRef): Unit | undefined {
  if (d.block !== undefined) return undefined;
  return units.find((u) => u.start <= d.start && d.start < u.end);
}
