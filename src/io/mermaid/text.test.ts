import { describe, expect, it } from 'vitest';
import {
  commentJson,
  escapeLabel,
  isSafeMermaidId,
  labelFingerprint,
  mermaidIds,
  plainText,
  stripMarkdown,
} from './text.ts';

describe('escapeLabel', () => {
  it('turns syntax, HTML and entity characters into entities', () => {
    expect(escapeLabel('a "b" #1 <script> & 50% `x`')).toBe(
      'a #34;b#34; #35;1 #60;script#62; #38; 50#37; #96;x#96;',
    );
  });

  it('writes newlines as <br> and control characters as entities', () => {
    expect(escapeLabel('one\ntwo\r\nthree\tfour')).toBe('one<br>two<br>three#9;four');
  });

  it('keeps brackets, pipes and unicode as they are (they are safe inside quotes)', () => {
    expect(escapeLabel('[a] (b) {c} |d| ünï 🚀')).toBe('[a] (b) {c} |d| ünï 🚀');
  });

  it('defuses the words Mermaid rewrites before parsing', () => {
    expect(escapeLabel('style: #')).toBe('#115;tyle: #35;');
    expect(escapeLabel('classDef')).toBe('#99;lassDef');
  });

  it('writes an empty label as one space (Mermaid refuses "")', () => {
    expect(escapeLabel('')).toBe(' ');
  });
});

describe('plainText', () => {
  it('decodes Mermaid entity placeholders and HTML entities', () => {
    expect(plainText('x ﬂ°quot¶ßyﬂ°quot¶ß ﬂ°°35¶ß ﬂ°°9829¶ß &amp; &lt;b&gt;')).toBe(
      'x "y" # ♥ & <b>',
    );
  });

  it('strips tags, drops scripts with their content and keeps <br> as a newline', () => {
    expect(plainText('<b>Bold</b> <script>alert(1)</script>text<br/>next')).toBe('Bold text\nnext');
    expect(plainText('a < b and c > d')).toBe('a < b and c > d');
  });

  it('strips markdown markers from markdown strings only', () => {
    expect(plainText('**bold** and _it_ `code`', 'markdown')).toBe('bold and it code');
    expect(plainText('snake_case_name', 'text')).toBe('snake_case_name');
    expect(stripMarkdown('__strong__ *em*')).toBe('strong em');
  });

  it('collapses runs of spaces and trims', () => {
    expect(plainText('  a   b  ')).toBe('a b');
  });
});

describe('ids', () => {
  it('keeps safe ids and maps the others to unique look-alikes', () => {
    const ids = mermaidIds(['users', 'app-1', 'app_1', '1st', 'end', 'ünï', 'a b', 'users2']);
    expect(ids.get('users')).toBe('users');
    expect(ids.get('app_1')).toBe('app_1');
    expect(ids.get('app-1')).toBe('app_1_2');
    expect(ids.get('1st')).toBe('n_1st');
    expect(ids.get('end')).toBe('n_end');
    expect(ids.get('a b')).toBe('a_b');
    expect(new Set(ids.values()).size).toBe(8);
    for (const v of ids.values()) expect(isSafeMermaidId(v)).toBe(true);
  });

  it('fingerprints labels on letters and digits', () => {
    expect(labelFingerprint('  Hello, World! ')).toBe(labelFingerprint('hello world'));
  });

  it('writes comment JSON on one line without % or line separators', () => {
    const s = commentJson({ a: '%%{init}%%\u2028\n' });
    expect(s).not.toMatch(/[%\u2028\n]/);
    expect(JSON.parse(s)).toEqual({ a: '%%{init}%%\u2028\n' });
  });
});
