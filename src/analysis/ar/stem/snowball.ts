import { stemmer } from "@orama/stemmers/arabic";

/**
 * The Snowball Arabic stemmer (@orama/stemmers/arabic, generated from the Snowball source and matching the C
 * reference). Snowball normalises by itself and relies on ة and ى being still there, so it is given the token before
 * rasd's alef/yeh/teh-marbuta folds; its output is then folded like every other term.
 */
export function snowball(term: string): string {
  return stemmer(term);
}
