// nginx.conf → a tree of directives with their line numbers, read the way nginx reads it:
// words, "double" and 'single' quoted strings with backslash escapes, ${var} inside words,
// `#` comments, `name args;` and `name args { … }`. Syntax errors say the line, in nginx's
// own words where it has them ("unexpected "}"", "unexpected end of file, expecting ";"").

export interface Directive {
  name: string;
  args: string[];
  line: number;
  /** Present for block directives (`server { … }`). */
  block?: Directive[];
}

export type ParseResult =
  | { ok: true; directives: Directive[] }
  | { ok: false; message: string; line: number; column: number };

interface Token {
  kind: 'word' | '{' | '}' | ';';
  text: string;
  line: number;
  column: number;
}

class NginxSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const col = (at: number) => at - lineStart + 1;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '{' || c === '}' || c === ';') {
      tokens.push({ kind: c, text: c, line, column: col(i) });
      i++;
      continue;
    }
    const startLine = line;
    const startCol = col(i);
    let word = '';
    if (c === '"' || c === "'") {
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i]!;
        if (d === '\\' && i + 1 < n) {
          const e = text[i + 1]!;
          // nginx keeps a backslash except before the quote, another backslash and t/r/n.
          word +=
            e === c || e === '\\'
              ? e
              : e === 't'
                ? '\t'
                : e === 'n'
                  ? '\n'
                  : e === 'r'
                    ? '\r'
                    : `\\${e}`;
          if (e === '\n') {
            line++;
            lineStart = i + 2;
          }
          i += 2;
          continue;
        }
        if (d === c) {
          closed = true;
          i++;
          break;
        }
        if (d === '\n') {
          line++;
          lineStart = i + 1;
        }
        word += d;
        i++;
      }
      if (!closed) {
        throw new NginxSyntaxError(
          `unexpected end of file: the ${c === '"' ? 'double' : 'single'} quote opened on line ${startLine} is never closed`,
          startLine,
          startCol,
        );
      }
      const next = text[i];
      // As nginx: a space, `;`, `{`, `}` or the `)` closing an `if (… = 'x')` may follow;
      // the `)` then starts the next word.
      if (next !== undefined && !/[\s;{})]/.test(next)) {
        throw new NginxSyntaxError(`unexpected "${next}" after a quoted string`, line, col(i));
      }
      tokens.push({ kind: 'word', text: word, line: startLine, column: startCol });
      continue;
    }
    while (i < n) {
      const d = text[i]!;
      if (/[\s;{}]/.test(d)) {
        // `${name}` is a variable inside a word, not a block.
        if (d === '{' && word.endsWith('$')) {
          const end = text.indexOf('}', i);
          if (end < 0)
            throw new NginxSyntaxError(
              `the variable “$` + '{” is never closed with “}”',
              line,
              col(i),
            );
          word += text.slice(i, end + 1);
          i = end + 1;
          continue;
        }
        break;
      }
      if (d === '\\' && i + 1 < n) {
        word += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      word += d;
      i++;
    }
    tokens.push({ kind: 'word', text: word, line: startLine, column: startCol });
  }
  return tokens;
}

/** Parses nginx.conf text. Never throws. */
export function parseNginx(text: string): ParseResult {
  try {
    const tokens = tokenize(text.replace(/^\uFEFF/, ''));
    const root: Directive[] = [];
    const stack: { list: Directive[]; opener?: Directive }[] = [{ list: root }];
    let words: Token[] = [];
    for (const t of tokens) {
      const top = stack[stack.length - 1]!;
      if (t.kind === 'word') {
        words.push(t);
        continue;
      }
      if (t.kind === ';') {
        if (words.length) {
          top.list.push({
            name: words[0]!.text,
            args: words.slice(1).map((w) => w.text),
            line: words[0]!.line,
          });
        }
        words = [];
        continue;
      }
      if (t.kind === '{') {
        if (!words.length) throw new NginxSyntaxError('unexpected "{"', t.line, t.column);
        const d: Directive = {
          name: words[0]!.text,
          args: words.slice(1).map((w) => w.text),
          line: words[0]!.line,
          block: [],
        };
        top.list.push(d);
        stack.push({ list: d.block!, opener: d });
        words = [];
        continue;
      }
      // `}`
      if (words.length) {
        // Point where the ";" belongs: after the directive's last word.
        const last = words[words.length - 1]!;
        throw new NginxSyntaxError(
          `unexpected "}": directive "${words[0]!.text}" on line ${words[0]!.line} is not terminated by ";"`,
          last.line,
          last.column + last.text.length,
        );
      }
      if (stack.length === 1)
        throw new NginxSyntaxError('unexpected "}": no block is open here', t.line, t.column);
      stack.pop();
    }
    const last = tokens[tokens.length - 1];
    if (words.length) {
      const w = words[0]!;
      throw new NginxSyntaxError(
        `unexpected end of file, expecting ";" or "}": directive "${w.text}" on line ${w.line} is not terminated by ";"`,
        w.line,
        w.column,
      );
    }
    if (stack.length > 1) {
      const open = stack[stack.length - 1]!.opener!;
      throw new NginxSyntaxError(
        `unexpected end of file, expecting "}": the block “${[open.name, ...open.args].join(' ')} {” opened on line ${open.line} is never closed`,
        last?.line ?? open.line,
        last?.column ?? 1,
      );
    }
    return { ok: true, directives: root };
  } catch (err) {
    if (err instanceof NginxSyntaxError) {
      return { ok: false, message: err.message, line: err.line, column: err.column };
    }
    throw err;
  }
}
