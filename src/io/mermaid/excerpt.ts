// The lines an import error points at, split around the column, for the dialog to show
// with a caret under the offending character. The caret row repeats the characters before
// the column (hidden), so a tab, a wide character or an emoji takes the same room above
// and below and the caret lands under the right character in any font.

import type { ImportError } from './import.ts';

export interface ExcerptLine {
  /** 1-based line number in the imported text. */
  line: number;
  text: string;
  /** Where the caret goes: the text before the column, the character at it, the rest. */
  caret?: { before: string; at: string; after: string };
}

/** "…" between the hinted line and the error line when lines lie between them. */
export type ExcerptRow = ExcerptLine | { gap: true };

/** `text` split at a 1-based UTF-16 column, never inside a surrogate pair. */
export function splitAtColumn(
  text: string,
  column: number,
): { before: string; at: string; after: string } {
  let i = Math.max(0, Math.min(text.length, Math.floor(column) - 1));
  // A column inside a surrogate pair means the character that pair spells.
  if (
    i > 0 &&
    i < text.length &&
    /[\uDC00-\uDFFF]/.test(text[i]!) &&
    /[\uD800-\uDBFF]/.test(text[i - 1]!)
  ) {
    i--;
  }
  const cp = text.codePointAt(i);
  const at = cp === undefined ? '' : String.fromCodePoint(cp);
  return { before: text.slice(0, i), at, after: text.slice(i + at.length) };
}

/** The rows to show for an error in `text`: the hinted line (if any), then the error line. */
export function errorExcerpt(text: string, error: ImportError): ExcerptRow[] {
  if (error.line === undefined) return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const row = (line: number, column: number | undefined): ExcerptLine | undefined => {
    const t = lines[line - 1];
    if (t === undefined) return undefined;
    return column === undefined
      ? { line, text: t }
      : { line, text: t, caret: splitAtColumn(t, column) };
  };
  const rows: ExcerptRow[] = [];
  const hint = error.hint;
  if (hint && hint.line < error.line) {
    const h = row(hint.line, hint.column);
    if (h) rows.push(h);
    if (h && hint.line < error.line - 1) rows.push({ gap: true });
  }
  const main = row(error.line, error.column);
  if (main) rows.push(main);
  return rows;
}
