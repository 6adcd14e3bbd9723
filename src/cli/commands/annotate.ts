import { createInterface } from "node:readline";
import type { Command, CommandContext } from "../command.js";
import { stringOption } from "../command.js";
import { RasdError } from "../../core/errors.js";
import { annotateLine, nowReference, parseReference } from "../../annotate/line.js";

/**
 * `rasd annotate [--ref DATETIME] [--bias past|future]`: reads stdin line by line and prints, for each line, one JSON object
 * `{dates, figures, entities, quotes}` with offsets into that line (DESIGN.md). Always JSON Lines on stdout.
 */
export const command: Command = {
  name: "annotate",
  summary: "Find dates and figures (and entities, quotes) in each line of stdin; one JSON object per line",
  usage: "annotate [--ref DATETIME] [--bias past|future]",
  description:
    "Reads standard input line by line; for each line prints {dates, figures, entities, quotes} as one JSON line,\n" +
    "offsets into that line. Relative expressions (اليوم، أمس، الأسبوع الماضي) are resolved against --ref;\n" +
    "an open date (الاثنين، 1 أيلول) reads backwards with --bias past (news, the default) or forwards with future.\n" +
    "Example: echo 'قال الوزير أمس الاثنين إن 40% من الأراضي…' | rasd annotate --ref 2015-12-15T10:00:00+03:00",
  options: {
    ref: {
      type: "string",
      value: "DATETIME",
      help: "Reference time for relative expressions, ISO 8601 with offset (e.g. 2013-02-12T04:30:00-02:00); default: now",
    },
    bias: {
      type: "string",
      value: "past|future",
      help: "How an open date reads: the latest such day (past, news; default) or the next (future, as Duckling)",
    },
  },
  async run(ctx: CommandContext): Promise<number> {
    const given = stringOption(ctx, "ref");
    const ref = given === undefined ? nowReference() : parseReference(given);
    if (ref === null) {
      throw new RasdError(
        "USAGE",
        `--ref "${given}" is not an ISO 8601 date-time; write it like 2013-02-12T04:30:00-02:00`,
        {
          input: "--ref",
        },
      );
    }
    const bias = stringOption(ctx, "bias") ?? "past";
    if (bias !== "past" && bias !== "future") {
      throw new RasdError("USAGE", `--bias "${bias}" is not past or future`, { input: "--bias" });
    }
    const lines = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
    for await (const line of lines) ctx.out.jsonLine(annotateLine(line, { ref, bias }));
    return 0;
  },
};
