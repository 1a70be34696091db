// Mermaid reads everything after an unclosed `[[`, `(`, `"` or `|` as that box's (or that
// arrow's) text, across lines, so it reports the mistake where the text finally breaks:
// often a later line, or the end of the text. `unclosedHint` follows brackets and quotes
// the way Mermaid's lexer does, loosely, and says which one was left open; the importer
// only shows the hint once Mermaid confirms it (see import.ts).

export interface UnclosedHint {
  /** 1-based line and column of the opening bracket or quote. */
  line: number;
  column: number;
  opener: string;
  closer: string;
  /** The text with the closers added at the end of that line, to check with Mermaid. */
  fixed: string;
}

/** Shape openers, longest first, and what closes each. */
const OPENERS: [string, string][] = [
  ['(((', ')))'],
  ['[[', ']]'],
  ['[(', ')]'],
  ['([', '])'],
  ['((', '))'],
  ['{{', '}}'],
  ['[/', '/]'],
  ['[\\', '\\]'],
  ['[', ']'],
  ['(', ')'],
  ['{', '}'],
];

type FrameKind = 'shape' | 'string' | 'pipe' | 'attr' | 'acc';
interface Frame {
  kind: FrameKind;
  opener: string;
  closer: string;
  line: number;
  column: number;
}

/** Lines whose rest Mermaid reads in its own way (styles, links, accessibility text). */
const OPAQUE_LINE =
  /^\s*(?:%%|classDef\s|class\s|style\s|linkStyle\s|click\s|acc(?:Title|Descr)\s*:)/;

/** What is still open after reading `lines` (0-based, up to but excluding `until`). */
function openFrames(lines: readonly string[], until: number): Frame[] {
  const stack: Frame[] = [];
  for (let i = 0; i < until && i < lines.length; i++) {
    const line = lines[i]!;
    let j = 0;
    if (stack.length === 0) {
      if (OPAQUE_LINE.test(line)) continue;
      const acc = /^\s*accDescr\s*\{/.exec(line);
      if (acc) {
        stack.push({ kind: 'acc', opener: '{', closer: '}', line: i + 1, column: acc[0].length });
        j = acc[0].length;
      }
    }
    for (; j < line.length; j++) {
      const ch = line[j]!;
      const top = stack[stack.length - 1];
      if (top?.kind === 'string') {
        if (ch === '"') stack.pop();
        continue;
      }
      if (top?.kind === 'acc') {
        if (ch === '}') stack.pop();
        continue;
      }
      if (ch === '"') {
        stack.push({ kind: 'string', opener: '"', closer: '"', line: i + 1, column: j + 1 });
        continue;
      }
      if (top?.kind === 'pipe') {
        if (ch === '|') stack.pop();
        continue;
      }
      if (top?.kind === 'attr') {
        if (ch === '}') stack.pop();
        continue;
      }
      if (top?.kind === 'shape') {
        // The first closing bracket ends the text (a wrong one is Mermaid's error there).
        if (ch === ']' || ch === ')' || ch === '}') stack.pop();
        continue;
      }
      if (ch === '|') {
        stack.push({ kind: 'pipe', opener: '|', closer: '|', line: i + 1, column: j + 1 });
      } else if (ch === '@' && line[j + 1] === '{') {
        stack.push({ kind: 'attr', opener: '@{', closer: '}', line: i + 1, column: j + 1 });
        j++;
      } else if (ch === '[' || ch === '(' || ch === '{') {
        const [opener, closer] = OPENERS.find(([o]) => line.startsWith(o, j))!;
        stack.push({ kind: 'shape', opener, closer, line: i + 1, column: j + 1 });
        j += opener.length - 1;
      }
    }
  }
  return stack;
}

/**
 * The bracket or quote most likely left open when Mermaid stopped at `errorLine` (1-based):
 * one opened on an earlier line and still open at the start of that line, or, when the
 * text ended too early (`atEnd`), one still open at the end. Undefined when there is none.
 */
export function unclosedHint(
  text: string,
  errorLine: number,
  atEnd: boolean,
): UnclosedHint | undefined {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const stack = openFrames(lines, atEnd ? lines.length : errorLine - 1);
  const top = stack[stack.length - 1];
  if (!top || top.line > errorLine || (!atEnd && top.line >= errorLine)) return undefined;
  // Close everything still open, innermost first, at the end of the innermost's line.
  const closers = stack
    .slice()
    .reverse()
    .map((f) => f.closer)
    .join('');
  const fixedLines = lines.slice();
  fixedLines[top.line - 1] = `${fixedLines[top.line - 1]!.trimEnd()}${closers}`;
  return {
    line: top.line,
    column: top.column,
    opener: top.opener,
    closer: top.closer,
    fixed: fixedLines.join('\n'),
  };
}
