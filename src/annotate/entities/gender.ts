import { FEMALE_NAMES, GIVEN_NAMES } from "./gazetteer/index.js";
import type { Token } from "./text.js";

/**
 * A person's gender as the text shows it, for quote attribution (قالت points to a woman): a female given name, a
 * feminine title or role word just before the name (منسقة، الوزيرة), or a feminine verb just before it (حذرت ليز).
 * Undefined when the text does not say.
 */
export function genderAt(tokens: readonly Token[], from: number): "f" | "m" | undefined {
  const first = tokens[from];
  if (first !== undefined && FEMALE_NAMES.has(first.norm)) return "f";
  if (first !== undefined && GIVEN_NAMES.has(first.norm)) return "m";
  const prev = tokens[from - 1];
  if (prev === undefined || !prev.word) return undefined;
  if (/^(ال)?\p{L}{3,}ه$/u.test(prev.norm) && /ة$/u.test(prev.text)) return "f";
  if (
    /^[وف]?(قالت|اضافت|تابعت|اوضحت|اكدت|حذرت|اشارت|لفتت|شددت|اعلنت|بينت|ذكرت|نفت|دعت|طالبت|صرحت|اعربت|كشفت)$/u.test(
      prev.norm,
    )
  )
    return "f";
  return undefined;
}
