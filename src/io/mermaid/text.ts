// Text in and out of Mermaid. Export writes every label as a quoted string in which each
// character Mermaid could read as syntax, HTML or an entity is itself an entity, so ANY
// label survives and renders literally. Import turns Mermaid's processed label text back
// into plain text: tags stripped, entities decoded. Our labels are never HTML.

const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  hearts: '♥',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  infin: '∞',
  ne: '≠',
  le: '≤',
  ge: '≥',
  num: '#',
  percnt: '%',
  semi: ';',
  colon: ':',
  lpar: '(',
  rpar: ')',
  lsqb: '[',
  rsqb: ']',
  lcub: '{',
  rcub: '}',
  verbar: '|',
  grave: '`',
};

/** Characters written as `#code;` inside an exported label. */
const ESCAPED = new Set(['"', '#', '&', '<', '>', '%', '`', '\\', 'ﬂ', '¶']);

function codePointEntity(cp: number): string {
  return `#${cp};`;
}

/**
 * A label as the inside of a Mermaid double-quoted string, e.g. `nginx #quot;edge#quot;`.
 * Newlines become `<br>` (Mermaid's line break); everything else that could be syntax,
 * HTML, an entity, a directive (`%%{`) or one of Mermaid's own placeholders is an entity.
 */
export function escapeLabel(text: string): string {
  let out = '';
  const normalized = text.replace(/\r\n?/g, '\n');
  for (const ch of normalized) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') out += '<br>';
    else if (
      ESCAPED.has(ch) ||
      cp < 0x20 ||
      cp === 0x7f ||
      (cp >= 0x80 && cp < 0xa0) ||
      cp === 0x2028 ||
      cp === 0x2029 ||
      (cp >= 0xd800 && cp <= 0xdfff)
    ) {
      out += codePointEntity(cp);
    } else out += ch;
  }
  // Mermaid trims `;` from any line holding "style…:…#…;" or "classDef…" before parsing,
  // which would break our entities: spell the first letter of those words as an entity.
  out = out.replace(/style/g, '#115;tyle').replace(/classDef/g, '#99;lassDef');
  // A string Mermaid reads as empty is refused; a single space imports back as "".
  return out === '' ? ' ' : out;
}

/**
 * The title as front matter shows it. Renderers pass a front-matter title through an HTML
 * sanitizer and then show the result as text (no entities are decoded there), so a title
 * holding `<` comes out rewritten: tags and scripts dropped, `&` shown as `&amp;`. Such a
 * title has its angle brackets written as the look-alikes ‹ › so every renderer shows all
 * of it; the exact title travels in the `%% bp:doc` line. Without a `<` nothing changes.
 */
export function titleForRenderers(title: string): string {
  if (!title.includes('<')) return title;
  return title.replace(/</g, '\u2039').replace(/>/g, '\u203a');
}

/** `"…"` ready to put inside a shape or an edge's `|…|`. */
export function quoteLabel(text: string): string {
  return `"${escapeLabel(text)}"`;
}

function decodeEntity(name: string, numeric: boolean): string {
  if (numeric) {
    const cp = Number(name.replace(/^\+/, ''));
    return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  }
  if (/^#?x[0-9a-f]+$/i.test(name)) {
    const cp = Number.parseInt(name.replace(/^#?x/i, ''), 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  }
  if (/^#\d+$/.test(name)) return decodeEntity(name.slice(1), true);
  const known = NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()];
  return known ?? `&${name};`;
}

/**
 * Mermaid's text of a node, edge or subgraph as plain text. Mermaid hands labels over with
 * its entity placeholders (`#quot;` is kept as `ﬂ°quot¶ß`), possibly sanitized HTML
 * (`&amp;`, tags) and, for markdown strings, `**`/`_` markers. Tags are dropped (their text
 * kept), `<br>` becomes a newline, entities are decoded, runs of spaces collapsed.
 */
export function plainText(raw: string, labelType?: string): string {
  let s = raw;
  s = s.replace(/<br\s*\/?>/gi, '\n');
  // What a browser's sanitizer drops with its content, dropped here too so Node and the
  // browser agree.
  s = s.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  s = s.replace(/<\/?[A-Za-z][^<>]*>/g, '');
  if (labelType === 'markdown') s = stripMarkdown(s);
  s = s.replace(
    /ﬂ°°(\+?\d+)¶ß|ﬂ°([^¶]+?)¶ß|&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi,
    (_m, num?: string, named?: string, html?: string) => {
      if (num !== undefined) return decodeEntity(num, true);
      if (named !== undefined) return decodeEntity(named, false);
      return decodeEntity(html!, false);
    },
  );
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Removes the markdown markers Mermaid's markdown strings allow (bold, italics, code). */
export function stripMarkdown(s: string): string {
  return s
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1');
}

/** Letters and digits only, lowercased: for "is this still the label we exported?". */
export function labelFingerprint(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
}

const RESERVED = new Set(
  [
    'end',
    'graph',
    'flowchart',
    'flowchart-elk',
    'subgraph',
    'style',
    'class',
    'classdef',
    'click',
    'linkstyle',
    'direction',
    'default',
    'call',
    'href',
    'interpolate',
    'acctitle',
    'accdescr',
    'tb',
    'td',
    'bt',
    'rl',
    'lr',
    'br',
    'true',
    'false',
  ].map((w) => w.toLowerCase()),
);

/** Can `id` be written as a Mermaid node id as it is? */
export function isSafeMermaidId(id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(id) && !RESERVED.has(id.toLowerCase());
}

/**
 * Mermaid ids for our node ids: kept when safe, otherwise a readable look-alike (`app-1` →
 * `app_1`, `1st` → `n_1st`) made unique. The export's `%% bp:node` comments map them back.
 */
export function mermaidIds(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    if (isSafeMermaidId(id) && !used.has(id)) {
      out.set(id, id);
      used.add(id);
    }
  }
  for (const id of ids) {
    if (out.has(id)) continue;
    let base = id
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40);
    if (!/^[A-Za-z]/.test(base) || RESERVED.has(base.toLowerCase())) base = `n_${base}`;
    let candidate = base;
    for (let i = 2; used.has(candidate) || !isSafeMermaidId(candidate); i++) {
      candidate = `${base}_${i}`;
    }
    out.set(id, candidate);
    used.add(candidate);
  }
  return out;
}

/** A JSON value on one line that no Mermaid pre-pass can misread (`%%{`, line breaks). */
export function commentJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[%\u2028\u2029]/g,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
}

/** "A", "A and B", "A, B and C", "A, B, C and 2 more". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
