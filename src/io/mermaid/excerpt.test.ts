import { describe, expect, it } from 'vitest';
import { errorExcerpt, splitAtColumn } from './excerpt.ts';

describe('splitAtColumn', () => {
  it('splits at a 1-based column, tabs counting as one character as Mermaid counts them', () => {
    expect(splitAtColumn('\tB --> [oops', 8)).toEqual({
      before: '\tB --> ',
      at: '[',
      after: 'oops',
    });
  });

  it('never splits an emoji, and copes with columns past either end', () => {
    expect(splitAtColumn('a😀b', 3)).toEqual({ before: 'a', at: '😀', after: 'b' });
    expect(splitAtColumn('a😀b', 4)).toEqual({ before: 'a😀', at: 'b', after: '' });
    expect(splitAtColumn('ab', 9)).toEqual({ before: 'ab', at: '', after: '' });
    expect(splitAtColumn('ab', 0)).toEqual({ before: '', at: 'a', after: 'b' });
  });
});

describe('errorExcerpt', () => {
  const text = 'flowchart LR\r\n\tA --> B\r\n\tC[[Oops\r\n\r\n\tD --> E';

  it('shows the error line with the caret split, in the user’s own characters', () => {
    expect(errorExcerpt(text, { message: 'x', line: 2, column: 3 })).toEqual([
      { line: 2, text: '\tA --> B', caret: { before: '\tA', at: ' ', after: '--> B' } },
    ]);
    expect(errorExcerpt(text, { message: 'x', line: 2 })).toEqual([{ line: 2, text: '\tA --> B' }]);
    expect(errorExcerpt(text, { message: 'x' })).toEqual([]);
    expect(errorExcerpt(text, { message: 'x', line: 99, column: 1 })).toEqual([]);
  });

  it('shows the hinted line first, with a gap when lines lie between', () => {
    const rows = errorExcerpt(text, {
      message: 'x',
      line: 5,
      column: 9,
      hint: { line: 3, column: 3, message: 'h' },
    });
    expect(rows).toEqual([
      { line: 3, text: '\tC[[Oops', caret: { before: '\tC', at: '[', after: '[Oops' } },
      { gap: true },
      { line: 5, text: '\tD --> E', caret: { before: '\tD --> E', at: '', after: '' } },
    ]);
  });
});
