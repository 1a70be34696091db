// The real tools check what the Compose and nginx exports write: Debian's `nginx -t` and
// `docker-compose config` (1.29). Both run without root: nginx gets a temporary prefix with
// its error log, pid file, logs and temporary folders there, and runs in a mount namespace
// of its own (`unshare`, as root inside a user namespace when not root) where the service
// names its upstreams list resolve (a bind-mounted /etc/hosts), since nginx looks every
// upstream host up while it checks a config. `.ci/run` installs both tools.

import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { StackFile } from '../src/io/config/bundle.ts';
import { type Directive, parseNginx } from '../src/io/nginx/parse.ts';

const run = promisify(execFile);

export interface ToolResult {
  ok: boolean;
  output: string;
}

export function haveTools(): { nginx: boolean; compose: boolean } {
  return {
    nginx: ['/usr/sbin/nginx', '/usr/bin/nginx'].some((p) => existsSync(p)),
    compose: ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].some((p) =>
      existsSync(p),
    ),
  };
}

let certDir: string | null = null;

/** A self-signed certificate, made once, for the TLS placeholders. */
async function certificates(): Promise<string> {
  if (certDir) return certDir;
  const dir = mkdtempSync(join(tmpdir(), 'bp-certs-'));
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=localhost',
    '-keyout',
    join(dir, 'privkey.pem'),
    '-out',
    join(dir, 'fullchain.pem'),
  ]);
  certDir = dir;
  return dir;
}

/** Every host name an nginx.conf needs resolved: upstream servers and proxy_pass targets. */
export function nginxHosts(text: string): string[] {
  const parsed = parseNginx(text);
  if (!parsed.ok) return [];
  const hosts = new Set<string>();
  const add = (address: string) => {
    if (address.includes('$') || address.startsWith('unix:')) return;
    const host = address
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/[/].*$/, '')
      .replace(/:\d+$/, '');
    if (host && !/^[\d.]+$/.test(host) && host !== 'localhost') hosts.add(host);
  };
  const walk = (list: Directive[], inUpstream: boolean) => {
    for (const d of list) {
      if (inUpstream && d.name === 'server' && d.args[0]) add(d.args[0]);
      if (/_pass$/.test(d.name) && d.args[0]) add(d.args[0]);
      if (d.block) walk(d.block, d.name === 'upstream');
    }
  };
  walk(parsed.directives, false);
  // An upstream's own name is not a host.
  const upstreams = new Set<string>();
  const names = (list: Directive[]) => {
    for (const d of list) {
      if (d.name === 'upstream' && d.args[0]) upstreams.add(d.args[0]);
      if (d.block) names(d.block);
    }
  };
  names(parsed.directives);
  return [...hosts].filter((h) => !upstreams.has(h));
}

/** `nginx -t -c` on one nginx.conf, as a user without root. */
export async function nginxTest(text: string): Promise<ToolResult> {
  const prefix = mkdtempSync(join(tmpdir(), 'bp-nginx-'));
  try {
    const conf = join(prefix, 'nginx.conf');
    writeFileSync(conf, text);
    copyFileSync('/etc/nginx/mime.types', join(prefix, 'mime.types'));
    const certs = await certificates();
    mkdirSync(join(prefix, 'certs'));
    for (const f of ['fullchain.pem', 'privkey.pem'])
      copyFileSync(join(certs, f), join(prefix, 'certs', f));
    const hosts = join(prefix, 'hosts');
    writeFileSync(
      hosts,
      `127.0.0.1 localhost\n${nginxHosts(text)
        .map((h) => `127.0.0.1 ${h}`)
        .join('\n')}\n`,
    );
    const root = process.getuid?.() === 0;
    const nginx = [
      'nginx',
      '-t',
      '-p',
      `${prefix}/`,
      '-e',
      join(prefix, 'error.log'),
      '-c',
      conf,
      '-g',
      `pid ${join(prefix, 'nginx.pid')};${root ? '' : ' user root;'}`,
    ]
      .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    // Inside the namespace a user without root is root there (-r), so it may bind-mount.
    // Logs and temporary files go to the prefix too: the image's defaults (/var/log/nginx,
    // /var/lib/nginx) belong to root.
    const mounts = [`mount --bind '${hosts}' /etc/hosts`];
    for (const [dir, inside] of [
      ['/var/log/nginx', 'logs'],
      ['/var/lib/nginx', 'lib'],
    ] as const) {
      if (!existsSync(dir)) continue;
      mkdirSync(join(prefix, inside));
      mounts.push(`mount --bind '${join(prefix, inside)}' ${dir}`);
    }
    // A network namespace of its own, too: nginx -t binds its ports (80, 443), which only
    // root may, and which another server on this machine may already hold.
    const args = [
      ...(root ? ['-m', '-n'] : ['-r', '-m', '-n']),
      'sh',
      '-c',
      `${mounts.join(' && ')} && exec ${nginx}`,
    ];
    try {
      const { stdout, stderr } = await run('unshare', args);
      return { ok: true, output: `${stdout}${stderr}` };
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? e.message}` };
    }
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}

/** `docker-compose config` on a stack's files, written to a temporary folder. */
export async function composeConfig(files: readonly StackFile[]): Promise<ToolResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bp-compose-'));
  try {
    write(dir, files);
    // A build context must exist; the export writes app/Dockerfile whenever it builds.
    try {
      const { stdout, stderr } = await run(
        'docker-compose',
        ['-f', 'compose.yaml', 'config', '-q'],
        {
          cwd: dir,
          env: { ...process.env, COMPOSE_PROJECT_NAME: 'bp-check' },
        },
      );
      return { ok: true, output: `${stdout}${stderr}` };
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? e.message}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * docker-compose's own `config -q` run once per stack inside one Python process: the same
 * program as the command, without starting an interpreter (half a second of CPU) for each.
 */
const DRIVER = `
import contextlib, io, json, os, sys
from compose.cli.main import main
out = []
for d in sys.argv[1:]:
    os.chdir(d)
    sys.argv = ['docker-compose', '-f', 'compose.yaml', 'config', '-q']
    err = io.StringIO()
    code = 0
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            main()
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
    out.append({'code': code, 'output': err.getvalue()})
print(json.dumps(out))
`;

function write(dir: string, files: readonly StackFile[]): void {
  for (const f of files) {
    mkdirSync(join(dir, dirname(f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
}

/** `docker-compose config` on many stacks; one result per stack, in order. */
export async function composeConfigAll(
  stacks: readonly (readonly StackFile[])[],
): Promise<ToolResult[]> {
  const root = mkdtempSync(join(tmpdir(), 'bp-compose-all-'));
  try {
    const dirs = stacks.map((files, i) => {
      const dir = join(root, String(i));
      write(dir, files);
      return dir;
    });
    // The Python that docker-compose's own script names on its first line.
    const script = ['/usr/bin/docker-compose', '/usr/local/bin/docker-compose'].find((p) =>
      existsSync(p),
    );
    const python = script ? /^#!\s*(\S+)/.exec(readFileSync(script, 'utf8'))?.[1] : undefined;
    if (python) {
      try {
        const { stdout } = await run(python, ['-c', DRIVER, ...dirs], {
          env: { ...process.env, COMPOSE_PROJECT_NAME: 'bp-check' },
          maxBuffer: 64 * 1024 * 1024,
        });
        const results = JSON.parse(stdout.trim().split('\n').pop()!) as {
          code: number;
          output: string;
        }[];
        return results.map((r) => ({ ok: r.code === 0, output: r.output }));
      } catch {
        // Not importable this way (another install): run the command for each below.
      }
    }
    const out: ToolResult[] = [];
    for (const files of stacks) out.push(await composeConfig(files));
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
