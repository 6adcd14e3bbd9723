import { notAvailable } from "../core/errors.js";
import type { Command, OptionSpec } from "./command.js";

/**
 * A command of the contract whose capability has not landed yet: it parses and documents its options, and answers
 * every call with a plain "not available yet" (exit 1) instead of made-up output.
 */
export function notYet(
  name: string,
  usage: string,
  summary: string,
  options: Record<string, OptionSpec> = {},
  positionals?: { name: string; min: number },
): Command {
  return {
    name,
    usage,
    summary: `${summary} (not available yet)`,
    options,
    ...(positionals ? { positionals } : {}),
    async run() {
      throw notAvailable(`'rasd ${name}'`);
    },
  };
}
