// Reading a label the way an engineer does: the name first ("Order service" in "Order
// service + redis"), its head noun last ("service"), what it uses ("+ redis", "Redis
// cached"), what is said in passing ("(PostgreSQL)", a second line, " - description").
// Addresses and ports ("10.0.0.3:5000", ":80/:443") and icons (`fa:fa-database`) are not
// words. The phrases come from the one evidence table (evidence.ts).

import {
  type BoxKind,
  EVIDENCE,
  GENERIC_HEADS,
  type KindEvidence,
  USED_ADJECTIVES,
  USES_MARKERS,
} from './evidence.ts';

export type WordClass = 'strong' | 'heads' | 'words';

export interface Match {
  kind: BoxKind;
  cls: WordClass;
  /** The phrase as the table writes it. */
  phrase: string;
  /** The words as the label wrote them. */
  text: string;
}

export interface LabelReading {
  /** The match that ends the name: what the box is called. */
  head: Match[];
  /** The name's other matches: they describe the box. */
  modifiers: Match[];
  /** Matches after "+", "with", "… cached": what the box uses. */
  uses: Match[];
  /** Matches in parentheses, brackets or later lines: what it is, said again. */
  aside: Match[];
  /** Matches after " - ", ":" and the like: a description. */
  note: Match[];
  /** The name ends in a generic noun ("Server") and nothing better names it. */
  genericServer: boolean;
  /** Icon names found in the text (`fa:fa-database` → "database"). */
  icons: string[];
  /** The name, as the label wrote it (for reasons). */
  name: string;
}

interface Token {
  norm: string;
  /** Singular form, when different ("databases" → "database"). */
  single: string;
  text: string;
}

type Dict = Map<string, { kind: BoxKind; cls: WordClass }[]>;

const CLASS_RANK: Record<WordClass, number> = { strong: 3, heads: 2, words: 1 };

function buildDict(field: (e: KindEvidence) => [WordClass, readonly string[]][]): Dict {
  const dict: Dict = new Map();
  for (const [kind, ev] of Object.entries(EVIDENCE) as [BoxKind, KindEvidence][]) {
    for (const [cls, list] of field(ev)) {
      for (const phrase of list) {
        const entries = dict.get(phrase) ?? [];
        const same = entries.find((x) => x.kind === kind);
        if (!same) entries.push({ kind, cls });
        else if (CLASS_RANK[cls] > CLASS_RANK[same.cls]) same.cls = cls;
        dict.set(phrase, entries);
      }
    }
  }
  return dict;
}

const LABEL_DICT = buildDict((e) => [
  ['strong', e.strong],
  ['heads', e.heads],
  ['words', e.words],
]);
const GROUP_DICT = buildDict((e) => [['strong', e.groups]]);
const LONGEST = 5;

/** `fa:fa-database`, `fab:fa-aws`, `fa-solid fa-user` and the like, anywhere in a label. */
const ICON_RE =
  /\bfa[a-z]?[:-]fa-([a-z0-9-]+)\b|\bfa-(?:solid|regular|brands)\s+fa-([a-z0-9-]+)\b/gi;

/** Icon names in a label, and the label without them. */
export function splitIcons(label: string): { text: string; icons: string[] } {
  const icons: string[] = [];
  const text = label
    .replace(ICON_RE, (_m, a?: string, b?: string) => {
      icons.push((a ?? b ?? '').toLowerCase());
      return ' ';
    })
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
  return { text, icons };
}

/** An icon given as `fa:user`, `aws:rds`, `logos:postgresql` → its name. */
export function iconName(icon: string): string {
  return icon
    .replace(/^[a-z0-9-]+:/i, '')
    .replace(/^fa-/, '')
    .toLowerCase();
}

function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) {
    return w.slice(0, -1);
  }
  return w;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (raw === '') continue;
    const norm = raw.toLowerCase();
    out.push({ norm, single: singular(norm), text: raw });
  }
  return out;
}

/** "userDB-2", "user_db" → "user DB 2": ids give hints too. */
export function idWords(id: string): string {
  return id
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\-.:/]+/g, ' ')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2');
}

interface Found extends Match {
  start: number;
  end: number;
}

/** Longest phrases of the table, left to right, without overlaps. */
function findMatches(tokens: Token[], dict: Dict): Found[] {
  const out: Found[] = [];
  let i = 0;
  while (i < tokens.length) {
    let hit: Found[] | null = null;
    for (let len = Math.min(LONGEST, tokens.length - i); len >= 1 && !hit; len--) {
      const part = tokens.slice(i, i + len);
      const exact = part.map((t) => t.norm).join(' ');
      const single = [...part.slice(0, -1).map((t) => t.norm), part[len - 1]!.single].join(' ');
      const phrase = dict.has(exact) ? exact : dict.has(single) ? single : null;
      if (phrase === null) continue;
      const text = part.map((t) => t.text).join(' ');
      hit = dict.get(phrase)!.map((x) => ({ ...x, phrase, text, start: i, end: i + len }));
    }
    if (hit) {
      out.push(...hit);
      i = hit[0]!.end;
    } else i++;
  }
  return out;
}

const strip = (f: Found): Match => ({ kind: f.kind, cls: f.cls, phrase: f.phrase, text: f.text });

/** Addresses, ports and links are not words. */
function withoutAddresses(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, ' ')
    .replace(/(^|[\s/(,])\/?:\d{2,5}\b/g, '$1 ')
    .replace(/\blocalhost\b/gi, ' ');
}

const SEPARATORS = /\s[-–—|]\s|:\s|\s:\s|,\s/;
const USES_RE = new RegExp(
  `\\s*\\+\\s*|\\s(?:${USES_MARKERS.filter((m) => m !== '+')
    .map((m) => m.replace(/[/]/g, '\\/'))
    .join('|')})\\s`,
  'i',
);

/**
 * Splits tokens at a "used" adjective: "Redis cached QR service" → uses [Redis], rest
 * [QR service].
 */
function splitUsed(tokens: Token[]): { used: Token[]; rest: Token[] } {
  const at = tokens.findIndex((t) => USED_ADJECTIVES.has(t.norm));
  if (at < 0) return { used: [], rest: tokens };
  return { used: tokens.slice(0, at), rest: tokens.slice(at + 1) };
}

const hasWord = (s: string) => /[\p{L}\p{N}]/u.test(s);

/** Is this token noise at the end of a name ("App *1*", "Service *A*", "*the*")? */
const noise = (t: Token) =>
  /^\d+$/.test(t.norm) || t.norm.length === 1 || GENERIC_HEADS.has(t.norm);

/** What a label says about the box, read as an engineer reads it. */
export function readLabel(label: string): LabelReading {
  const { text, icons } = splitIcons(label);
  const lines = withoutAddresses(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(hasWord);
  const reading: LabelReading = {
    head: [],
    modifiers: [],
    uses: [],
    aside: [],
    note: [],
    genericServer: false,
    icons,
    name: '',
  };
  if (lines.length === 0) return reading;
  const asideText: string[] = lines.slice(1);
  let main = lines[0]!.replace(/\(([^)]*)\)|\[([^\]]*)\]|\{([^}]*)\}/g, (_m, a, b, c) => {
    asideText.push(a ?? b ?? c ?? '');
    return ' ';
  });
  // What it uses: after "+", "with", "using"…
  let usesText = '';
  const u = USES_RE.exec(` ${main} `);
  if (u && u.index > 0) {
    usesText = ` ${main} `.slice(u.index + u[0].length);
    main = ` ${main} `.slice(0, u.index);
  }
  // The name, then a description.
  const parts = main
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(hasWord);
  const nameText = parts[0] ?? '';
  const noteText = parts.slice(1).join(' ');
  reading.name = nameText.replace(/^[\s\-–—:|]+/, '').trim();

  const addUses = (tokens: Token[]) =>
    reading.uses.push(...findMatches(tokens, LABEL_DICT).map(strip));
  addUses(tokenize(usesText));

  for (const t of asideText) {
    const { used, rest } = splitUsed(tokenize(t));
    addUses(used);
    reading.aside.push(...findMatches(rest, LABEL_DICT).map(strip));
  }
  {
    const { used, rest } = splitUsed(tokenize(noteText));
    addUses(used);
    reading.note.push(...findMatches(rest, LABEL_DICT).map(strip));
  }

  const { used, rest: nameTokens } = splitUsed(tokenize(nameText));
  addUses(used);
  const found = findMatches(nameTokens, LABEL_DICT);
  // The head: the match that ends the name, past trailing noise ("App 1", "… server").
  let last = nameTokens.length;
  while (last > 0 && noise(nameTokens[last - 1]!) && !found.some((f) => f.end === last)) last--;
  let head = found.filter((f) => f.end === last);
  if (head.length === 0 && last === 0 && nameTokens.length > 0) {
    // Only generic words: "Server" is an app server; "Primary" says nothing.
    reading.genericServer = nameTokens.some((t) => t.single === 'server');
  }
  // "Queue service", "Storage service": the service is the thing before it.
  if (head.length && head.every((h) => h.kind === 'app' && /service|svc/.test(h.phrase))) {
    const before = found.filter(
      (f) =>
        f.end === head[0]!.start && f.cls !== 'words' && f.kind !== 'client' && f.kind !== 'app',
    );
    if (before.length) head = before.map((b) => ({ ...b, cls: 'strong' as const }));
  }
  reading.head = head.map(strip);
  const headKinds = new Set(head.map((h) => h.kind));
  reading.modifiers = found
    .filter((f) => !head.some((h) => h.start === f.start) && !headKinds.has(f.kind))
    .map(strip);
  return reading;
}

/** The kinds a subgraph title speaks of ("Databases" → db), with the words as written. */
export function readGroupTitle(title: string): Match[] {
  const tokens = tokenize(withoutAddresses(splitIcons(title).text));
  return findMatches(tokens, GROUP_DICT).map(strip);
}
