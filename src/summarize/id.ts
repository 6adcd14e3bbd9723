/**
 * An ad-hoc story's id: FNV-1a (64-bit, as two 32-bit halves) of its sorted article ids, 16 hex digits. The same
 * set of articles gives the same id in any order; synchronous, so summarising needs no hasher loaded first.
 */
export function storyId(articleIds: readonly string[]): string {
  const text = [...articleIds].sort().join("\n");
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}
