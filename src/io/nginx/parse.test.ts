import { describe, expect, it } from 'vitest';
import { parseNginx } from './parse.ts';

describe('parseNginx', () => {
  it('reads directives, blocks, quotes, escapes, variables in braces and comments with their lines', () => {
    const r = parseNginx(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: nginx's ${1}, not a template
      '# top\nworker_processes 2; # two\nhttp {\n  log_format main \'$remote_addr "$request"\';\n  server {\n    set $x "a \\" b";\n    rewrite ^/(.*)$ /${1}x last;\n    location ~* \\.(png|jpg)$ { expires 1d; }\n  }\n}\n',
    );
    if (!r.ok) throw new Error(r.message);
    const [wp, http] = r.directives;
    expect(wp).toEqual({ name: 'worker_processes', args: ['2'], line: 2 });
    const server = http!.block![1]!;
    expect(http!.block![0]).toMatchObject({
      name: 'log_format',
      args: ['main', '$remote_addr "$request"'],
      line: 4,
    });
    expect(server.block![0]).toMatchObject({ args: ['$x', 'a " b'] });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: nginx's ${1}, not a template
    expect(server.block![1]).toMatchObject({ args: ['^/(.*)$', '/${1}x', 'last'], line: 7 });
    expect(server.block![2]).toMatchObject({
      name: 'location',
      args: ['~*', '\\.(png|jpg)$'],
      line: 8,
    });
    expect(server.block![2]!.block).toEqual([{ name: 'expires', args: ['1d'], line: 8 }]);
  });

  it('says where the syntax breaks, in nginx’s words', () => {
    const err = (text: string) => {
      const r = parseNginx(text);
      return r.ok ? 'ok' : `${r.line}:${r.column} ${r.message}`;
    };
    expect(err('http {\n  server {\n    listen 80\n  }\n}\n')).toBe(
      '3:14 unexpected "}": directive "listen" on line 3 is not terminated by ";"',
    );
    expect(err('http {\n  server {\n    listen 80;\n')).toBe(
      '3:14 unexpected end of file, expecting "}": the block “server {” opened on line 2 is never closed',
    );
    expect(err('events {}\n}\n')).toBe('2:1 unexpected "}": no block is open here');
    expect(err('server_name "a;\n')).toBe(
      '1:13 unexpected end of file: the double quote opened on line 1 is never closed',
    );
    expect(err('worker_processes 2')).toBe(
      '1:1 unexpected end of file, expecting ";" or "}": directive "worker_processes" on line 1 is not terminated by ";"',
    );
    expect(err('{ }')).toBe('1:1 unexpected "{"');
    expect(err('a "b"c;')).toBe('1:6 unexpected "c" after a quoted string');
  });

  it('takes the `)` of an if condition right after a quoted string, as nginx does', () => {
    const r = parseNginx("if ($request_method = 'OPTIONS') { return 204; }\n");
    if (!r.ok) throw new Error(r.message);
    expect(r.directives[0]).toMatchObject({
      name: 'if',
      args: ['($request_method', '=', 'OPTIONS', ')'],
      block: [{ name: 'return', args: ['204'] }],
    });
  });
});
