// Access logs read into requests a client can replay: nginx's "combined" format
// ($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
// "$http_referer" "$http_user_agent", extra quoted fields after it allowed) or a CSV of
// time, method, path, user (a header line optional; time in seconds or an ISO date).
// A line that cannot be read is reported with its line number and the rest is kept; a
// file with no readable line gives no requests (the caller changes nothing then).

export interface LogRequest {
  /** Milliseconds after the log's first request. */
  t: number;
  method: string;
  /** The path without its query string. */
  path: string;
  /** Who sent it: the remote user, else the address. */
  user: string;
}

export interface LogProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export interface ParsedLog {
  format: 'combined' | 'csv' | 'unknown';
  requests: LogRequest[];
  problems: LogProblem[];
  /** Lines that held something (blank lines are not counted). */
  lines: number;
}

const Q = String.raw`"((?:[^"\\]|\\.)*)"`;
const COMBINED = new RegExp(
  String.raw`^(\S+) \S+ (\S+) \[([^\]]+)\] ${Q} (\d{3}) (\S+) ${Q} ${Q}(?: .*)?$`,
);
const REQUEST = /^([A-Z]{3,10}) (\S+) HTTP\/\d(?:\.\d)?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIME_LOCAL =
  /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** nginx's $time_local (`22/Jan/2019:03:56:14 +0330`) as epoch ms, or null. */
export function timeLocalMs(text: string): number | null {
  const m = TIME_LOCAL.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!);
  if (month < 0) return null;
  const utc = Date.UTC(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +m[6]!);
  const offset = (m[7] === '-' ? -1 : 1) * (+m[8]! * 60 + +m[9]!) * 60_000;
  return utc - offset;
}

const pathOf = (target: string): string => {
  let p = target;
  // An absolute-form target (proxies): keep the path.
  const abs = /^[a-z]+:\/\/[^/]*(\/.*)?$/i.exec(p);
  if (abs) p = abs[1] ?? '/';
  const q = p.search(/[?#]/);
  if (q >= 0) p = p.slice(0, q);
  return p.startsWith('/') ? p.slice(0, 500) : '';
};

function parseCombined(lines: string[]): ParsedLog {
  const out: ParsedLog = { format: 'combined', requests: [], problems: [], lines: 0 };
  let first: number | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '') return;
    out.lines++;
    const m = COMBINED.exec(line);
    if (!m) {
      out.problems.push({ line: i + 1, message: 'not in the nginx combined format' });
      return;
    }
    const t = timeLocalMs(m[3]!);
    if (t === null) {
      out.problems.push({ line: i + 1, message: `unreadable time “${m[3]!.slice(0, 40)}”` });
      return;
    }
    const req = REQUEST.exec(m[4]!);
    const path = req ? pathOf(req[2]!) : '';
    if (!req || path === '') {
      out.problems.push({
        line: i + 1,
        message: 'the request is not “METHOD /path HTTP/x” (junk or a non-HTTP client)',
      });
      return;
    }
    if (first === null) first = t;
    out.requests.push({
      t: t - first,
      method: req[1]!,
      path,
      user: m[2] !== '-' ? m[2]! : m[1]!,
    });
  });
  return out;
}

/** A CSV field list, with "quoted, fields" and "" inside quotes. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function csvTime(text: string): number | null {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : null;
}

function parseCsv(lines: string[]): ParsedLog {
  const out: ParsedLog = { format: 'csv', requests: [], problems: [], lines: 0 };
  let first: number | null = null;
  let header = true;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const f = csvFields(line);
    if (header) {
      header = false;
      if (f[0]?.toLowerCase() === 'time') return;
    }
    out.lines++;
    if (f.length < 3) {
      out.problems.push({ line: i + 1, message: 'expected time,method,path[,user]' });
      return;
    }
    const t = csvTime(f[0]!);
    if (t === null) {
      out.problems.push({ line: i + 1, message: `unreadable time “${f[0]!.slice(0, 40)}”` });
      return;
    }
    const method = f[1]!.toUpperCase();
    if (!/^[A-Z]{3,10}$/.test(method)) {
      out.problems.push({ line: i + 1, message: `“${f[1]!.slice(0, 20)}” is not an HTTP method` });
      return;
    }
    const path = pathOf(f[2]!);
    if (path === '') {
      out.problems.push({ line: i + 1, message: 'the path must start with “/”' });
      return;
    }
    if (first === null) first = t;
    out.requests.push({ t: t - first, method, path, user: f[3] ?? '' });
  });
  // Times may come unsorted in a CSV; a log is replayed in time order.
  const min = out.requests.reduce((m, r) => Math.min(m, r.t), 0);
  for (const r of out.requests) r.t -= min;
  out.requests.sort((a, b) => a.t - b.t);
  return out;
}

/** Reads an access log (format detected from its first lines). Never throws. */
export function parseAccessLog(text: string): ParsedLog {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 5);
  if (sample.length === 0) return { format: 'unknown', requests: [], problems: [], lines: 0 };
  const looksCombined = sample.some((l) => /^\S+ \S+ \S+ \[[^\]]+\] "/.test(l));
  if (looksCombined) return parseCombined(lines);
  const looksCsv = sample.some((l) => /^[^,]+,[^,]*,[^,]*/.test(l));
  if (looksCsv) return parseCsv(lines);
  return {
    format: 'unknown',
    requests: [],
    problems: [
      { line: 1, message: 'neither an nginx combined log nor a CSV of time,method,path,user' },
    ],
    lines: sample.length,
  };
}
