import { createInterface } from "node:readline";
import type { Command, CommandContext } from "../command.js";
import { flag, stringOption } from "../command.js";
import { RasdError } from "../../core/errors.js";
import { normalizer } from "../../analysis/ar/normalize.js";
import { tokenize } from "../../analysis/ar/tokenize.js";
import { analyzeTerms } from "../../analysis/ar/analyze.js";
import { isScheme, SCHEMES } from "../../analysis/ar/stem.js";
import type { Scheme } from "../../analysis/ar/stem.js";

type Mode = "normalize" | "tokens" | "stems";

/**
 * `rasd analyze [--normalize | --tokens | --stems] [--scheme rasd|lucene|snowball]`: one output line per input line.
 * --normalize: the line in the `search` normal form. --tokens: the tokens, space-separated. --stems (default): the
 * search terms (folded, stopwords out, stemmed). With --json, one JSON object per line instead.
 */
export const command: Command = {
  name: "analyze",
  summary: "Normalise, tokenise or stem Arabic text from stdin, one output line per input line",
  usage: "analyze [--normalize | --tokens | --stems] [--scheme rasd|lucene|snowball]",
  description:
    "Reads standard input line by line and writes one line per input line.\n" +
    "  --normalize  the line in rasd's search normal form (Lucene's folds and more)\n" +
    "  --tokens     the tokens, space-separated\n" +
    "  --stems      the search terms: folded, stopwords removed, stemmed (the default)\n" +
    "With --json each line is an object: {normalized} | {tokens: [{text, kind, start, end}]} | {stems}.\n" +
    "Example: echo 'وزير الخارجية الأميركي' | rasd analyze --stems --scheme rasd",
  options: {
    normalize: { type: "boolean", help: "Print the search-normalised line" },
    tokens: { type: "boolean", help: "Print the tokens, space-separated" },
    stems: { type: "boolean", help: "Print the stems (default)" },
    scheme: { type: "string", value: "SCHEME", help: "Stemming scheme: rasd (default), lucene, snowball or none" },
  },
  async run(ctx: CommandContext): Promise<number> {
    const mode = modeOf(ctx);
    const scheme = schemeOf(ctx);
    const fold = normalizer("search");
    const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (mode === "normalize") {
        const n = fold(line);
        if (ctx.out.json) ctx.out.jsonLine({ normalized: n });
        else ctx.out.stdout.write(n + "\n");
      } else if (mode === "tokens") {
        const toks = tokenize(line);
        if (ctx.out.json) ctx.out.jsonLine({ tokens: toks });
        else ctx.out.stdout.write(toks.map((t) => t.text).join(" ") + "\n");
      } else {
        const stems = analyzeTerms(line, { scheme });
        if (ctx.out.json) ctx.out.jsonLine({ stems });
        else ctx.out.stdout.write(stems.join(" ") + "\n");
      }
    }
    return 0;
  },
};

function modeOf(ctx: CommandContext): Mode {
  const chosen = (["normalize", "tokens", "stems"] as const).filter((m) => flag(ctx, m));
  if (chosen.length > 1) {
    throw new RasdError(
      "USAGE",
      `analyze: choose one of --normalize, --tokens, --stems (got ${chosen.map((m) => "--" + m).join(" ")})`,
    );
  }
  return chosen[0] ?? "stems";
}

function schemeOf(ctx: CommandContext): Scheme {
  const s = stringOption(ctx, "scheme") ?? "rasd";
  if (!isScheme(s))
    throw new RasdError("USAGE", `analyze: unknown --scheme "${s}"; use one of ${SCHEMES.join(", ")}`, { input: s });
  return s;
}
