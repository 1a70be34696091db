// Access logs read into requests a client can replay: nginx's "combined" format
// ($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
// "$http_referer" "$http_user_agent", extra fields after it allowed) and the log_format
// variants built on it: the common format (no referer and user agent), $host before the
// address, an X-Forwarded-For list in place of the address, no $remote_user; or a CSV of
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
/**
 * Whatever names the client (address, `$host address`, an address list), then `[time]`,
 * "request", status and bytes; referer, user agent and more fields may follow.
 */
const ACCESS = new RegExp(
  String.raw`^([^\[]+) \[([^\]]+)\] ${Q} (\d{3}) (\S+)(?: ${Q} ${Q})?(?: .*)?$`,
);
const TIME_SEEN = /\[\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\]/;
const ERROR_LOG =
  /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[(?:emerg|alert|crit|error|warn|notice|info|debug)\]/;
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

/**
 * Who sent it, from the text before the time: `$remote_addr - $remote_user` with anything
 * in front ($host) or an address list in place of the address. The remote user when there
 * is one, else the client part as written (quotes dropped), so distinct clients stay apart.
 */
export function clientOf(prefix: string): string {
  const words = prefix.trim().split(/\s+/);
  let client = words;
  let user = '-';
  if (words.length >= 3) {
    user = words[words.length - 1]!;
    client = words.slice(0, -2);
  } else if (words.length === 2 && words[1] === '-') client = words.slice(0, 1);
  return user !== '-' ? user : client.join(' ').replace(/"/g, '');
}

function parseCombined(lines: string[]): ParsedLog {
  const out: ParsedLog = { format: 'combined', requests: [], problems: [], lines: 0 };
  let first: number | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '') return;
    out.lines++;
    const m = ACCESS.exec(line);
    if (!m) {
      out.problems.push({
        line: i + 1,
        message: ERROR_LOG.test(line)
          ? 'an nginx error-log line, not an access-log line'
          : TIME_SEEN.test(line)
            ? 'no “METHOD /path HTTP/x” request in quotes right after the time: another log_format'
            : 'not in the nginx combined format',
      });
      return;
    }
    const t = timeLocalMs(m[2]!);
    if (t === null) {
      out.problems.push({ line: i + 1, message: `unreadable time “${m[2]!.slice(0, 40)}”` });
      return;
    }
    const req = REQUEST.exec(m[3]!);
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
      user: clientOf(m[1]!),
    });
  });
  inTimeOrder(out);
  return out;
}

/** A log is replayed in time order, from its earliest request (lines may come unsorted). */
function inTimeOrder(log: ParsedLog): void {
  const min = log.requests.reduce((m, r) => Math.min(m, r.t), 0);
  for (const r of log.requests) r.t -= min;
  log.requests.sort((a, b) => a.t - b.t);
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
  inTimeOrder(out);
  return out;
}

/** Reads an access log (format detected from its first lines). Never throws. */
export function parseAccessLog(text: string): ParsedLog {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 5);
  if (sample.length === 0) return { format: 'unknown', requests: [], problems: [], lines: 0 };
  // An nginx $time_local anywhere: an access log, whatever stands before the time.
  if (sample.some((l) => TIME_SEEN.test(l))) return parseCombined(lines);
  if (sample.every((l) => ERROR_LOG.test(l))) {
    return {
      format: 'unknown',
      requests: [],
      problems: [{ line: 1, message: 'this is an nginx error log, not an access log' }],
      lines: sample.length,
    };
  }
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
