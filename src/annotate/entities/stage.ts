import { isMainThread } from "node:worker_threads";
import type { DocContext } from "../../core/context.js";
import type { Doc, Stage } from "../../core/stage.js";
import type { Article, ArticleEntity, Mention } from "../../core/types.js";
import { englishCandidates } from "./english.js";
import { packSegments, unpackSegments, type PackedSegment } from "./handoff.js";
import { EntityRegistry } from "./registry.js";
import { recognize, type Candidate } from "./recognize.js";
import { linkShortForms, resolveCandidates, type Segment } from "./resolve.js";
import { articleTokens, tokenize } from "./text.js";

/**
 * The entities stage, in two halves run back to back: it finds mentions in the clean text and in captions (Arabic
 * and English), links each to one registry entity, and fills `article.entities`. The registry is shared by every
 * article of the run, so the same entity gets the same id under every spelling, across articles. `recognise` finds
 * the mentions, which needs no registry and is most of the cost; `link` ties them to registry entities and must
 * see every earlier article's names, so workers on one PostgreSQL run it under the ingest lock (stages.ts).
 * The mentions go from one half to the other on the document (`doc.handoff`), as plain data, so recognition can run
 * in a worker thread and linking in the thread that stores (pipeline/pool.ts).
 */
export function createEntitiesStages(registry: EntityRegistry): { recognise: Stage; link: Stage } {
  return {
    recognise: {
      name: "entities",
      run(doc: Doc) {
        // In a stage thread, packed for the crossing (handoff.ts); in the thread that links, as they are.
        const segs = segments(doc.article);
        (doc.handoff ??= {})[HANDOFF] = isMainThread ? segs : { packed: packSegments(segs) };
      },
    },
    link: {
      name: "entities",
      run(doc: Doc, ctx: DocContext) {
        const handed = doc.handoff?.[HANDOFF] as Segment[] | { packed: PackedSegment[] } | undefined;
        if (handed === undefined) return; // recognition failed on this document (and said so)
        delete doc.handoff?.[HANDOFF];
        const segs = "packed" in handed ? unpackSegments(handed.packed, doc.article) : handed;
        doc.article.entities = linkEntities(segs, registry, ctx);
      },
    },
  };
}

/** The key of the recognised mentions in `doc.handoff`. */
const HANDOFF = "entities";

const LATIN_BLOCK = /^[^\p{Script=Arabic}]*$/u;

/** Recognition: each segment of the article (clean text, captions) with its candidate mentions; no registry needed. */
export function segments(article: Article): Segment[] {
  const out: Segment[] = [];
  const text = article.text;
  out.push({ text, tokens: articleTokens(article), english: false, candidates: [], related: [] });
  article.blocks.forEach((b, i) => {
    if (b.role !== "caption") return;
    out.push({
      text: b.text,
      tokens: tokenize(b.text),
      english: b.lang === "en" || LATIN_BLOCK.test(b.text),
      block: i,
      candidates: [],
      related: [],
    });
  });
  for (const s of out) {
    if (s.english) {
      s.candidates = englishCandidates(s.tokens);
    } else {
      const r = recognize(s.text, s.tokens);
      s.candidates = r.mentions;
      s.related = r.related;
    }
  }
  return out;
}

/** Entities of one article, linked through `registry` (which learns the article's names). */
export function annotateEntities(article: Article, registry: EntityRegistry, ctx?: DocContext): ArticleEntity[] {
  return linkEntities(segments(article), registry, ctx);
}

/** Linking: the recognised mentions tied to registry entities (which learns the article's names). */
export function linkEntities(segs: readonly Segment[], registry: EntityRegistry, ctx?: DocContext): ArticleEntity[] {
  const links = resolveCandidates(segs, registry);
  linkShortForms(segs, registry, links);
  const byId = new Map<string, ArticleEntity>();
  const entity = (id: string) => {
    let e = byId.get(id);
    if (e === undefined) {
      const r = registry.get(id);
      e = { id, type: r?.type ?? "other", name: r?.name ?? id, mentions: [] };
      byId.set(id, e);
    }
    return e;
  };
  for (const l of links) entity(l.id).mentions.push(l.mention);
  for (const s of segs) {
    for (const r of s.related) {
      const m = mentionOf(s, r);
      const e = entity(EntityRegistry.idOf(r.entry));
      (e.related ??= []).push(m);
    }
  }
  for (const e of byId.values()) e.mentions.sort(order);
  const out = [...byId.values()].sort((a, b) => order(first(a), first(b)));
  ctx?.info("entities", `${out.length} entities, ${links.length} mentions`);
  return out;
}

function first(e: ArticleEntity): Mention {
  return e.mentions[0] ?? e.related?.[0] ?? { text: "", start: Number.MAX_SAFE_INTEGER, end: 0 };
}

function order(a: Mention, b: Mention): number {
  return (a.block ?? -1) - (b.block ?? -1) || a.start - b.start;
}

export function mentionOf(s: Segment, c: Pick<Candidate, "from" | "to">): Mention {
  const start = s.tokens[c.from]!.start;
  const end = s.tokens[c.to - 1]!.end;
  const m: Mention = { text: s.text.slice(start, end), start, end };
  if (s.block !== undefined) m.block = s.block;
  return m;
}
