import { normalize } from "../analysis/ar/normalize.js";

/**
 * Display names of the outlets whose records name them by a Latin slug (SaudiNewsNet's `outlet` field). The slug
 * stays the stored key; people see and type the name (`--outlet "الشرق الأوسط"`).
 */
const NAMES: Record<string, string> = {
  aawsat: "الشرق الأوسط",
  aleqtisadiya: "الاقتصادية",
  aljazirah: "الجزيرة",
  almadina: "المدينة",
  alriyadh: "الرياض",
  alwatan: "الوطن",
  alweeam: "الوئام",
  alyaum: "اليوم",
  "3alyoum": "عين اليوم",
  arreyadi: "الرياضي",
  arriyadiyah: "الرياضية",
  okaz: "عكاظ",
  sabq: "سبق",
  was: "واس",
};

/** The name to show for a stored outlet key (the key itself when it is already a name). */
export function outletName(key: string): string {
  return NAMES[key.toLowerCase()] ?? key;
}

function fold(s: string): string {
  return normalize(s.trim()).toLowerCase();
}

/**
 * The stored keys a typed outlet name can mean: the key itself, the slug of a display name (any hamza or alef
 * form), and for a name that is already a key, itself. The caller keeps the ones that exist in the store.
 */
export function outletKeys(typed: string): string[] {
  const want = fold(typed);
  const keys = new Set<string>([typed.trim()]);
  for (const [slug, name] of Object.entries(NAMES)) if (fold(name) === want || slug === want) keys.add(slug);
  return [...keys];
}
