// Reading what people type into settings fields.

const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/**
 * A number as people type it ("250", "0.5", "1e3"), or null. Stricter than Number(), which
 * also takes "0x10" as 16 and "" as 0: a settings field should never guess.
 */
export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}
