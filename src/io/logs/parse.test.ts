// The access-log reader against the real logs in src/io/corpus/logs (counts in its
// expected.json were made with grep/awk on the files, not with this code).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientOf, parseAccessLog, timeLocalMs } from './parse.ts';
import { MAX_ROUTES, replayOf } from './replay.ts';

const dir = join(import.meta.dirname, '../corpus/logs');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<
  string,
  {
    lines: number;
    valid_combined: number;
    wellformed_requests: number;
    top_paths: [string, number][];
    ties?: { count: number; paths: string[] };
    methods?: Record<string, number>;
    format?: string;
  }
>;
const files = readdirSync(dir).filter((f) => f.endsWith('.log'));

describe('access logs (nginx combined) from the corpus', () => {
  it('has every log with an expected answer, and an answer for every log', () =>
    expect(files.sort()).toEqual(
      Object.keys(expected)
        .filter((k) => k.endsWith('.log'))
        .sort(),
    ));
  for (const file of files) {
    const want = expected[file]!;
    it(`${file}: every well-formed request read, every other line reported by number`, () => {
      const log = parseAccessLog(readFileSync(join(dir, file), 'utf8'));
      expect(log.format).toBe(want.format ?? 'combined');
      expect(log.lines).toBe(want.lines);
      expect(log.requests.length).toBe(want.wellformed_requests);
      expect(log.problems.length).toBe(want.lines - want.wellformed_requests);
      for (const p of log.problems) expect(p.line).toBeGreaterThan(0);
      if (want.methods) {
        const methods: Record<string, number> = {};
        for (const r of log.requests) methods[r.method] = (methods[r.method] ?? 0) + 1;
        expect(methods).toEqual(want.methods);
      }
      const replay = replayOf(log);
      if (want.wellformed_requests === 0) {
        expect(replay).toBeNull();
        return;
      }
      // The most asked-for paths lead the traffic mix with their counts.
      const byPath = new Map<string, number>();
      for (const r of replay!.routes) byPath.set(r.path, (byPath.get(r.path) ?? 0) + r.weight);
      for (const [path, n] of want.top_paths) expect(byPath.get(path)).toBe(n);
      if (want.ties) for (const p of want.ties.paths) expect(byPath.get(p)).toBe(want.ties.count);
      expect(replay!.routes.length).toBeLessThanOrEqual(MAX_ROUTES);
      const total = replay!.profile
        .split(':')[1]!
        .split(',')
        .reduce((a, b) => a + Number(b), 0);
      expect(total).toBe(want.wellformed_requests);
    });
  }
});

describe('reading lines', () => {
  it('reads nginx local time with its offset', () => {
    expect(timeLocalMs('22/Jan/2019:03:56:14 +0330')).toBe(Date.UTC(2019, 0, 22, 0, 26, 14));
    expect(timeLocalMs('22/Foo/2019:03:56:14 +0330')).toBeNull();
  });

  it('reports a broken line with its number and replays the rest', () => {
    const text = [
      '1.1.1.1 - - [22/Jan/2019:03:56:14 +0000] "GET /a?x=1 HTTP/1.1" 200 1 "-" "ua"',
      'this is not a log line',
      '1.1.1.2 - bob [22/Jan/2019:03:56:16 +0000] "POST /b HTTP/1.1" 201 1 "-" "ua"',
    ].join('\n');
    const log = parseAccessLog(text);
    expect(log.problems).toEqual([{ line: 2, message: 'not in the nginx combined format' }]);
    expect(log.requests).toEqual([
      { t: 0, method: 'GET', path: '/a', user: '1.1.1.1' },
      { t: 2000, method: 'POST', path: '/b', user: 'bob' },
    ]);
  });

  it('reads the log_format variants built on combined, and says what the other lines are', () => {
    const text = [
      'example.com 10.0.0.2, 10.0.0.1, 127.0.0.1 - - [07/Dec/2016:11:05:09 +0100] "GET /a HTTP/1.1" 200 5 "-" "ua"',
      'example.com:80 "10.5.1.2, 10.5.1.3" 10.2.1.185 - - [07/Dec/2016:11:05:08 +0100] "GET /b?q=1 HTTP/1.1" 200 5 "-" "ua"',
      '192.168.1.1 - [07/Dec/2016:11:05:10 +0100] "POST /c HTTP/1.1" 201 5 "-" "ua"',
      '10.0.0.9 - bob [07/Dec/2016:11:05:11 +0100] "GET /d HTTP/1.0" 304 0',
      '2021/12/01 13:53:33 [error] 31#31: *46 open() failed, client: 172.17.0.1, request: "GET /x HTTP/1.1"',
      '[24/Jan/2022:16:51:02 +0000] - 404 404 - GET http host "/e" [Client 1.2.3.4] "ua" "-"',
    ].join('\n');
    const log = parseAccessLog(text);
    expect(log.format).toBe('combined');
    // In time order from the earliest: the second line is a second before the first.
    expect(log.requests).toEqual([
      { t: 0, method: 'GET', path: '/b', user: 'example.com:80 10.5.1.2, 10.5.1.3 10.2.1.185' },
      { t: 1000, method: 'GET', path: '/a', user: 'example.com 10.0.0.2, 10.0.0.1, 127.0.0.1' },
      { t: 2000, method: 'POST', path: '/c', user: '192.168.1.1' },
      { t: 3000, method: 'GET', path: '/d', user: 'bob' },
    ]);
    expect(log.problems).toEqual([
      { line: 5, message: 'an nginx error-log line, not an access-log line' },
      {
        line: 6,
        message:
          'no “METHOD /path HTTP/x” request in quotes right after the time: another log_format',
      },
    ]);
    expect(clientOf('1.2.3.4 - -')).toBe('1.2.3.4');
    expect(clientOf('1.2.3.4 - alice')).toBe('alice');
    expect(clientOf('1.2.3.4')).toBe('1.2.3.4');
  });

  it('says an error log is not an access log', () => {
    const log = parseAccessLog(
      '2021/09/30 09:23:53 [error] 1925#1925: *17 user "foo" was not found, client: 127.0.0.1, server: _\n',
    );
    expect(log.format).toBe('unknown');
    expect(log.problems).toEqual([
      { line: 1, message: 'this is an nginx error log, not an access log' },
    ]);
    expect(replayOf(log)).toBeNull();
  });

  it('reads a CSV of time, method, path, user, with or without a header', () => {
    const log = parseAccessLog(
      'time,method,path,user\n10,GET,/x,u1\n10.5,post,/y?q,u2\nnope,GET,/z,u3\n',
    );
    expect(log.format).toBe('csv');
    expect(log.requests).toEqual([
      { t: 0, method: 'GET', path: '/x', user: 'u1' },
      { t: 500, method: 'POST', path: '/y', user: 'u2' },
    ]);
    expect(log.problems).toEqual([{ line: 4, message: 'unreadable time “nope”' }]);
    const iso = parseAccessLog('2024-01-01T00:00:00Z,GET,/a,x\n2024-01-01T00:00:03Z,GET,/b,y');
    expect(iso.requests.map((r) => r.t)).toEqual([0, 3000]);
  });

  it('a file with no readable line gives nothing to replay', () => {
    expect(replayOf(parseAccessLog('hello\nworld'))).toBeNull();
    expect(replayOf(parseAccessLog(''))).toBeNull();
  });

  it('the replay profile counts requests per second of the log', () => {
    const log = parseAccessLog('0,GET,/a,u\n0.5,GET,/a,u\n2,GET,/b,v\n');
    const r = replayOf(log)!;
    expect(r.profile).toBe('1:2,0,1');
    expect(r.routes).toEqual([
      { method: 'GET', path: '/a', weight: 2 },
      { method: 'GET', path: '/b', weight: 1 },
    ]);
    expect(r.users).toBe(2);
  });
});
