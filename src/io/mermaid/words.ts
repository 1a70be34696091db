// Reading a label the way an engineer does: the name first ("Order service" in "Order
// service + redis"), its head noun last ("service"), what it uses ("+ redis", "Redis
// cached"), what is said in passing ("(PostgreSQL)", a second line, " - description").
// Addresses and ports ("10.0.0.3:5000", ":80/:443") and icons (`fa:fa-database`) are not
// words. The phrases come from the one evidence table (evidence.ts).

import {
  type BoxKind,
  EVIDENCE,
  GENERIC_COMPUTE,
  GENERIC_HEADS,
  type KindEvidence,
  QUALIFIERS,
  SERVICE_NOUNS,
  TOOL_HEADS,
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
  /** The technology of C4's "[Database: Redis]": what the box is built from. */
  c4: Match[];
  /** The name ends in a generic noun ("Server") and nothing better names it. */
  genericServer: boolean;
  /** Strong role nouns in `aside` name what the box does (the name itself names no role). */
  roleAside: boolean;
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
const GROUP_DICT = buildDict((e) => [
  ['strong', e.groups],
  ['words', e.words],
]);
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
    .replace(/\blocalhost\b/gi, ' ')
    .replace(
      /\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|dev|app|fyi|site|co|uk|de|fr|local|internal|cloud)\b/gi,
      ' ',
    );
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
  /^\d+$/.test(t.norm) ||
  t.norm.length === 1 ||
  /^v\d+$/.test(t.norm) ||
  GENERIC_HEADS.has(t.norm) ||
  GENERIC_COMPUTE.has(t.single) ||
  GENERIC_COMPUTE.has(t.norm);

/** Kinds that are infrastructure an app uses (a store, a broker, a front door). */
const INFRA: ReadonlySet<BoxKind> = new Set([
  'db',
  'cache',
  'queue',
  'static',
  'proxy',
  'lb',
  'cdn',
]);

/** Reads one name ("Order service", one of "RabbitMQ/NATS"): its head and modifiers. */
function readName(tokens: Token[]): { head: Found[]; found: Found[]; generic: boolean } {
  const found = findMatches(tokens, LABEL_DICT);
  // The head: the match that ends the name, past trailing noise ("App 1", "… server").
  let last = tokens.length;
  while (last > 0 && noise(tokens[last - 1]!) && !found.some((f) => f.end === last)) last--;
  let head = found.filter((f) => f.end === last);
  const before = (h: Found) => {
    const earlier = found.filter((f) => f.end <= h.start);
    const end = Math.max(...earlier.map((f) => f.end));
    return earlier.filter((f) => f.end === end);
  };
  // "Redis Replica", "Postgres primary": the qualifier says which one, the product what.
  if (head.length && head.every((h) => QUALIFIERS.has(h.phrase))) {
    const b = before(head[0]!);
    if (b.length) head = b;
  }
  // "redis-authelia", "postgres keycloak": a store named after the app it serves.
  if (head.length && head.every((h) => h.kind === 'app' && h.cls === 'words')) {
    const b = before(head[0]!).filter((f) => f.cls === 'words' && INFRA.has(f.kind));
    if (b.length) head = b;
  }
  // "Stripe API", "Queue service", "OpenAI Embeddings API": a service of something else.
  if (head.length && head.every((h) => SERVICE_NOUNS.has(h.phrase))) {
    const kinds = new Set(head.map((h) => h.kind));
    const b = before(head[0]!).filter(
      (f) =>
        f.kind !== 'client' &&
        f.kind !== 'app' &&
        !kinds.has(f.kind) &&
        (f.cls === 'words' || f.cls === 'strong'),
    );
    if (b.length) head = b.map((x) => ({ ...x, cls: 'strong' as const }));
  }
  // "Kafka UI", "Kong Admin", "Postgres exporter": a tool for a product (an app), or a
  // product's own console (a third party's UI is theirs).
  if (head.length && head.some((h) => TOOL_HEADS.has(h.phrase))) {
    const b = before(head[0]!).filter((f) => f.cls === 'words' && f.kind !== 'app');
    if (b.length) {
      const kind = b.some((f) => f.kind === 'external') ? 'external' : 'app';
      head = [{ ...head[0]!, kind, cls: 'strong' }];
    }
  }
  // "kafka-to-postgresql": something that moves data from one to the other.
  for (let i = 1; i < tokens.length - 1; i++) {
    if (tokens[i]!.norm !== 'to') continue;
    const from = found.some((f) => f.end === i && f.cls === 'words');
    const into = found.some((f) => f.start === i + 1 && f.cls === 'words');
    if (from && into) {
      const text = tokens.map((t) => t.text).join(' ');
      head = [
        { kind: 'worker', cls: 'strong', phrase: 'x to y', text, start: 0, end: tokens.length },
      ];
      break;
    }
  }
  const generic =
    head.length === 0 &&
    last === 0 &&
    tokens.some((t) => GENERIC_COMPUTE.has(t.single) || GENERIC_COMPUTE.has(t.norm));
  return { head, found, generic };
}

/** Kubernetes object types that say how a workload runs, not what it is. */
const K8S_TYPE = /^(?:service|svc|deployment|statefulset|daemonset|replicaset|pod)$/i;

const C4_TYPE =
  /^\s*(container|component|database|db|system|software system|external system|person|queue|storage)\s*:\s*(.+)$/i;

/**
 * The names a "/" separates ("RabbitMQ/NATS"), unless a phrase of the table runs across
 * the slash ("Pub/Sub", "CI/CD"): then the slash is part of one name.
 */
function alternatives(name: string): string[] {
  const alts = name.split(/\s*\/\s*/);
  if (alts.length < 2) return alts;
  const whole = tokenize(name);
  const found = findMatches(whole, LABEL_DICT);
  let at = 0;
  for (const alt of alts.slice(0, -1)) {
    at += tokenize(alt).length;
    if (found.some((f) => f.start < at && f.end > at)) return [name];
  }
  return alts;
}

/**
 * "Agent on LB", "Jenkins on EC2": what comes after "on" is where the box runs, another
 * box or a host, not what the box is; the name is what comes before. A name that is only
 * generic before it ("Instance on Redis") stays whole.
 */
function runsOn(name: string): string {
  const at = name.search(/\s+on\s+/i);
  if (at <= 0) return name;
  const before = tokenize(name.slice(0, at));
  return before.some((t) => !noise(t)) ? name.slice(0, at) : name;
}

/** Does a phrase of the table start on the first line and end on the second? */
function spansLines(first: string, second: string): boolean {
  const a = tokenize(first);
  const b = tokenize(second);
  if (a.length === 0 || b.length === 0 || b.length > 3) return false;
  return findMatches([...a, ...b], LABEL_DICT).some((f) => f.start < a.length && f.end > a.length);
}

/** What a label says about the box, read as an engineer reads it. */
export function readLabel(label: string): LabelReading {
  // A written "\n" is a line break to a reader.
  const { text, icons } = splitIcons(label.replace(/\\n/g, '\n'));
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
    c4: [],
    genericServer: false,
    roleAside: true,
    icons,
    name: '',
  };
  if (lines.length === 0) return reading;
  // A name broken over two lines ("Firebase<br>Authentication") is still one name.
  if (lines.length > 1 && spansLines(lines[0]!, lines[1]!)) {
    lines.splice(0, 2, `${lines[0]} ${lines[1]}`);
  }
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
  // Kubernetes' "Service: postgres", "StatefulSet: kafka": the object type, then what runs.
  if (parts.length > 1 && K8S_TYPE.test(parts[0]!)) parts.shift();
  // "ECS Fargate - Workers", "EC2 - API": a name saying only where code runs is followed by
  // what runs there.
  if (
    parts.length > 1 &&
    tokenize(parts[0]!).every(noise) &&
    tokenize(parts[1]!).length <= 3 &&
    tokenize(parts[1]!).some((t) => !noise(t))
  ) {
    parts.shift();
  }
  const nameText = parts[0] ?? '';
  const noteText = parts.slice(1).join(' ');
  reading.name = nameText.replace(/^[\s\-–—:|]+/, '').trim();

  const addUses = (tokens: Token[]) =>
    reading.uses.push(...findMatches(tokens, LABEL_DICT).map(strip));
  addUses(tokenize(usesText));

  for (const raw of asideText) {
    // C4's "[Database: Redis]", "[Container: Node.js]": the element type, then what it is.
    const c4 = C4_TYPE.exec(raw.replace(/^\s*[[(]\s*|\s*[\])]\s*$/g, ''));
    const t = c4 ? c4[2]! : raw;
    const { used, rest } = splitUsed(tokenize(t));
    addUses(used);
    // A line of more than a few words is a description, not a name said again.
    const into = c4 ? reading.c4 : rest.length > 4 ? reading.note : reading.aside;
    into.push(...findMatches(rest, LABEL_DICT).map(strip));
  }
  {
    const { used, rest } = splitUsed(tokenize(noteText));
    addUses(used);
    reading.note.push(...findMatches(rest, LABEL_DICT).map(strip));
  }

  // "RabbitMQ/NATS", "admin load balancer/admin-ssl": alternatives, each a name.
  const head: Found[] = [];
  const found: Found[] = [];
  for (const alt of alternatives(nameText)) {
    const { used, rest } = splitUsed(tokenize(runsOn(alt)));
    addUses(used);
    const one = readName(rest);
    head.push(...one.head);
    found.push(...one.found);
    if (one.generic) reading.genericServer = true;
  }
  if (head.length) reading.genericServer = false;
  // What the name already says is not said again in passing ("Kong Admin [kong:3.4]").
  const named = new Set(found.map((f) => f.phrase));
  reading.aside = reading.aside.filter((m) => !named.has(m.phrase));
  reading.note = reading.note.filter((m) => !named.has(m.phrase));
  // A role said on a later line names what the box does only when the name is a product
  // or a proper name ("Nginx<br>Load Balancer"), not when it names a role itself.
  reading.roleAside = !head.some((h) => h.cls === 'strong');
  reading.head = head.map(strip);
  const headKinds = new Set(head.map((h) => h.kind));
  const headPhrases = new Set(head.map((h) => h.phrase));
  reading.modifiers = found
    .filter((f) => !headKinds.has(f.kind) && !headPhrases.has(f.phrase))
    .map(strip);
  return reading;
}

/**
 * The kinds a subgraph title speaks of ("Databases" → db), with the words as written;
 * `head` holds the matches that end the title (its head noun).
 */
export function readGroupTitle(title: string): { matches: Match[]; head: Match[] } {
  // The title's name: its first line, without what brackets add ("[Container: Node.js]").
  const name = withoutAddresses(splitIcons(title.replace(/\\n/g, '\n')).text)
    .split('\n')[0]!
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ');
  const tokens = tokenize(name);
  const found = findMatches(tokens, GROUP_DICT);
  let last = tokens.length;
  while (last > 0 && noise(tokens[last - 1]!) && !found.some((f) => f.end === last)) last--;
  const head = found.filter((f) => f.end === last);
  return { matches: found.map(strip), head: head.map(strip) };
}
