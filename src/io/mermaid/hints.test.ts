import { beforeAll, describe, expect, it } from 'vitest';
import { unclosedHint } from './hints.ts';
import { importMermaid } from './import.ts';
import { loadMermaid } from './load.ts';

beforeAll(async () => {
  await loadMermaid();
});

async function error(text: string) {
  const r = await importMermaid(text);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('an unclosed bracket or quote on an earlier line', () => {
  it('is named when Mermaid stops on a later line', async () => {
    const e = await error('flowchart LR\n  A --> B\n  C[[Oops\n  D --> E\n');
    expect(e.line).toBe(4);
    expect(e.hint).toEqual({
      line: 3,
      column: 4,
      message: 'Line 3 opens “[[” at column 4 and never closes it: add “]]”.',
    });
    expect(e.message).toBe(
      'Mermaid could not read line 4, column 10: the text ends too early. Line 3 opens “[[” at column 4 and never closes it: add “]]”.',
    );
  });

  it('names the quote, the shape or the label bar that was left open', async () => {
    const cases: [string, string, number][] = [
      ['flowchart LR\n  A["Oops] --> B\n  D --> E\n', '“"”', 2],
      ['flowchart LR\n  A[(Oops --> B\n  D --> E\n', '“[(”', 2],
      ['flowchart LR\n  A(Oops --> B\n\n  D --> E\n', '“(”', 2],
      ['flowchart LR\n  A[Oops\n  D[x]\n', '“[”', 2],
      ['flowchart LR\n  A["ok"] --> B{Oops\n  D --> E\n', '“{”', 2],
    ];
    for (const [text, opener, line] of cases) {
      const e = await error(text);
      expect(e.hint?.line, text).toBe(line);
      expect(e.hint?.message, text).toContain(`opens ${opener}`);
    }
  });

  it('counts front matter and comment lines like the rest of the error', async () => {
    const e = await error('---\ntitle: T\n---\nflowchart LR\n%% note\n  C[[Oops\n  D --> E\n');
    expect(e.hint?.line).toBe(6);
    expect(e.line).toBe(7);
  });

  it('is also named when the text ends on the line that left it open', async () => {
    const e = await error('flowchart LR\n  A --> B\n  C[[Oops\n');
    expect(e.line).toBe(3);
    expect(e.hint?.line).toBe(3);
    expect(e.message).toMatch(/opens “\[\[” at column 4/);
  });

  it('is not guessed when the mistake is on the error line itself or cannot be confirmed', async () => {
    const sameLine = await error('flowchart LR\n  A --> B\n  B --> [oops\n');
    expect(sameLine.hint).toBeUndefined();
    expect(sameLine.message).toMatch(/expected/);
    // Closing the label bar would not make the rest readable: no hint rather than a wrong one.
    const pipe = await error('flowchart LR\n  A -->|label B\n  D --> E\n');
    expect(pipe.hint).toBeUndefined();
  });
});

describe('unclosedHint', () => {
  it('follows brackets and quotes across lines', () => {
    expect(unclosedHint('flowchart LR\n  A[x] --> B("y")\n  C{{z', 3, true)).toMatchObject({
      line: 3,
      column: 4,
      opener: '{{',
      closer: '}}',
      fixed: 'flowchart LR\n  A[x] --> B("y")\n  C{{z}}',
    });
    // A bracket inside a quoted text closes nothing.
    expect(unclosedHint('flowchart LR\n  A["a ] b"\n  B', 3, false)).toMatchObject({
      line: 2,
      column: 4,
      opener: '[',
    });
    expect(unclosedHint('flowchart LR\n  A["a ] b"]\n  B', 3, false)).toBeUndefined();
    expect(unclosedHint('flowchart LR\n  A["x\n  B', 3, false)).toMatchObject({
      opener: '"',
      fixed: 'flowchart LR\n  A["x"]\n  B',
    });
  });

  it('knows what spans lines on purpose and what is not a bracket', () => {
    const text = [
      'flowchart LR',
      '  A@{ shape: rect,',
      '      label: "x [" }',
      '  accDescr {',
      '    a ( b',
      '  }',
      '  accTitle: a [ b',
      '  classDef x fill:#f00',
      '  click A "https://x.test/(" "tip"',
      '  A --> B',
    ].join('\n');
    expect(unclosedHint(text, 10, false)).toBeUndefined();
    expect(unclosedHint(text, 10, true)).toBeUndefined();
  });
});
