/**
 * Values made from a text, remembered for the last `capacityChars` characters of text (oldest forgotten first).
 * Bounded by characters, not by entries, because what is made from a text (its terms, say) costs memory in
 * proportion to its length. The text just added stays even when it alone is over the budget, so that its next use
 * finds it. Values are shared: never change one.
 */
export class TextMemo<T> {
  private readonly memo = new Map<string, T>();
  private chars = 0;

  constructor(private readonly capacityChars: number) {}

  /** The value remembered for `text`, made by `make` (and remembered) when there is none. */
  get(text: string, make: (text: string) => T): T {
    const known = this.memo.get(text);
    if (known !== undefined) return known;
    const value = make(text);
    this.set(text, value);
    return value;
  }

  /** Remembers `value` for `text`: the caller guarantees it is what `make` would give for that text. */
  set(text: string, value: T): void {
    if (!this.memo.has(text)) this.chars += text.length;
    this.memo.set(text, value);
    for (const old of this.memo.keys()) {
      if (this.chars <= this.capacityChars || old === text) break;
      this.memo.delete(old);
      this.chars -= old.length;
    }
  }
}
