// `npm run convert -- FILE --to compose|nginx|mermaid|json [--out DIR] [--step N] [--node ID]`
// converts between the playground's document JSON, Mermaid, Docker Compose and nginx.conf.
// FILE is a document .json, a story scenario .json (with --step N), a .mmd / .md, a
// compose .yaml / .yml or an nginx .conf; its content decides when the name does not.
// Problems go to stderr with exit code 2.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { importCompose } from '../src/io/compose/import.ts';
import { exportStack } from '../src/io/config/bundle.ts';
import { detectFormat } from '../src/io/config/detect.ts';
import type { ConfigImportResult } from '../src/io/config/result.ts';
import {
  defaultBlockIndex,
  extractMermaidBlocks,
  isMarkdownName,
} from '../src/io/mermaid/blocks.ts';
import { exportMermaid } from '../src/io/mermaid/export.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { importNginx } from '../src/io/nginx/import.ts';
import { restoreDocument } from '../src/model/restore.ts';
import type { TopologyDocument } from '../src/model/types.ts';
import { loadScenario } from '../src/story/player.ts';
import { formatIssue } from '../src/story/schema.ts';

const TARGETS = ['compose', 'nginx', 'mermaid', 'json'] as const;
type Target = (typeof TARGETS)[number];

const USAGE = `usage:
  npm run convert -- FILE --to compose|nginx|mermaid|json [--out DIR] [--step N] [--node ID]
  npm run convert -- --help

FILE is a diagram (.json), a story scenario (.json, pick a step with --step N), a Mermaid
flowchart (.mmd, .md), a Docker Compose file (.yaml, .yml) or an nginx.conf (.conf).
  --to compose   compose.yaml on stdout; with --out DIR the whole stack (compose.yaml,
                 nginx/*.conf, app/Dockerfile, README.md) is written to DIR
  --to nginx     the nginx.conf (--node ID picks one when the diagram has several nginx)
  --to mermaid   a Mermaid flowchart
  --to json      the diagram as document JSON`;

class CliError extends Error {}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
}

interface Args {
  file: string;
  to: Target;
  out?: string;
  step?: number;
  node?: string;
}

function parseArgs(argv: string[]): Args {
  const files: string[] = [];
  let to: string | undefined;
  const opts: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--to') to = value();
    else if (flag === '--out') opts.out = value();
    else if (flag === '--node') opts.node = value();
    else if (flag === '--step') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1)
        throw new CliError('--step needs a number: 1 for the first step');
      opts.step = Number(v);
    } else if (arg.startsWith('-') && arg !== '-')
      throw new CliError(`unknown option "${arg}"\n${USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 1)
    throw new CliError(`${files.length ? 'one FILE at a time' : 'missing FILE'}\n${USAGE}`);
  if (to === undefined) throw new CliError(`missing --to (${TARGETS.join(', ')})\n${USAGE}`);
  if (!TARGETS.includes(to as Target))
    throw new CliError(`--to must be one of ${TARGETS.join(', ')} (got "${to}")`);
  return { file: files[0]!, to: to as Target, ...opts };
}

/** Any input → a document, with warnings for stderr. */
async function readDocument(args: Args): Promise<{ doc: TopologyDocument; err: string }> {
  const { file } = args;
  const text = readText(file);
  const ext = extname(file).toLowerCase();
  const configError = (r: Extract<ConfigImportResult, { ok: false }>) => {
    const where =
      r.error.line !== undefined
        ? `${file}:${r.error.line}${r.error.column !== undefined ? `:${r.error.column}` : ''}: `
        : `${file}: `;
    return new CliError(`${where}${r.error.message}`);
  };
  const configWarnings = (r: Extract<ConfigImportResult, { ok: true }>) =>
    [...r.notes.map((n) => `note: ${n}\n`), ...r.unmapped.map((u) => `not mapped: ${u}\n`)].join(
      '',
    );

  if (ext === '.json' || (ext === '' && text.trimStart().startsWith('{'))) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new CliError(`${file} is not JSON: ${(err as Error).message}`);
    }
    if (
      typeof json === 'object' &&
      json !== null &&
      Array.isArray((json as { steps?: unknown }).steps)
    ) {
      const name = file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
      const loaded = loadScenario(json, name);
      if (!loaded.ok)
        throw new CliError(
          `${file} is not a valid story:\n${loaded.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
        );
      const steps = loaded.scenario.steps;
      const n = args.step ?? 1;
      const step = steps[n - 1];
      if (!step) throw new CliError(`${file} has ${steps.length} steps; there is no step ${n}`);
      const err =
        args.step === undefined
          ? `note: ${file} is a story with ${steps.length} steps; converting step 1. Choose another with --step N.\n`
          : '';
      return { doc: step.doc, err };
    }
    if (args.step !== undefined)
      throw new CliError(`--step picks a step of a story; ${file} is a diagram`);
    const restored = restoreDocument(json);
    if (!restored.ok) {
      throw new CliError(
        `${file} is not a topology document:\n${restored.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`,
      );
    }
    return {
      doc: restored.doc,
      err: restored.warnings.map((w) => `warning: ${w.path}: ${w.message}\n`).join(''),
    };
  }
  if (args.step !== undefined)
    throw new CliError(`--step picks a step of a story (.json); ${file} is not one`);
  const format = detectFormat(text, file);
  if (format === 'mermaid') {
    let source = text;
    let offset = 0;
    if (isMarkdownName(file)) {
      const blocks = extractMermaidBlocks(text);
      if (!blocks.length) throw new CliError(`${file} has no \`\`\`mermaid code block`);
      const block = blocks[defaultBlockIndex(blocks)]!;
      source = block.text;
      offset = block.line - 1;
    }
    const r = await importMermaid(source);
    if (!r.ok) {
      const where =
        r.error.line !== undefined
          ? `${file}:${r.error.line + offset}${r.error.column !== undefined ? `:${r.error.column}` : ''}: `
          : `${file}: `;
      throw new CliError(`${where}${r.error.message}`);
    }
    return { doc: r.doc, err: r.warnings.map((w) => `warning: ${w}\n`).join('') };
  }
  if (format === 'compose' || format === 'nginx') {
    const r = format === 'compose' ? await importCompose(text) : await importNginx(text);
    if (!r.ok) throw configError(r);
    return { doc: r.doc, err: configWarnings(r) };
  }
  throw new CliError(`${file}: cannot tell what this is; name it .json, .mmd, .yaml or .conf`);
}

export async function main(argv: string[]): Promise<{ out: string; err: string; code: number }> {
  try {
    if (argv[0] === '--help' || argv[0] === '-h') return { out: `${USAGE}\n`, err: '', code: 0 };
    const args = parseArgs(argv);
    const { doc, err } = await readDocument(args);
    if (args.out !== undefined && args.to !== 'compose')
      throw new CliError('--out writes a whole stack: use it with --to compose');
    if (args.node !== undefined && args.to !== 'nginx')
      throw new CliError('--node picks an nginx: use it with --to nginx');
    switch (args.to) {
      case 'json':
        return { out: `${JSON.stringify(doc, null, 2)}\n`, err, code: 0 };
      case 'mermaid':
        return { out: exportMermaid(doc), err, code: 0 };
      case 'compose': {
        const stack = exportStack(doc);
        const notes = stack.notes.map((n) => `note: ${n}\n`).join('');
        if (args.out === undefined) return { out: stack.compose, err: err + notes, code: 0 };
        const written: string[] = [];
        for (const f of stack.files) {
          const path = join(args.out, f.path);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, f.text);
          written.push(path);
        }
        return { out: `${written.join('\n')}\n`, err: err + notes, code: 0 };
      }
      case 'nginx': {
        const { nginx } = exportStack(doc);
        if (!nginx.length)
          throw new CliError(
            'the diagram has no nginx or load balancer, so there is no nginx.conf',
          );
        let file = nginx[0]!;
        if (args.node !== undefined) {
          const chosen = nginx.find((f) => f.nodeId === args.node);
          if (!chosen)
            throw new CliError(
              `no nginx with id "${args.node}"; the diagram has ${nginx.map((f) => f.nodeId).join(', ')}`,
            );
          file = chosen;
        } else if (nginx.length > 1) {
          throw new CliError(
            `the diagram has ${nginx.length} nginx (${nginx.map((f) => `${f.nodeId}: ${f.label}`).join(', ')}): choose one with --node ID, or write them all with --to compose --out DIR`,
          );
        }
        return { out: file.text, err, code: 0 };
      }
    }
  } catch (err) {
    if (err instanceof CliError) return { out: '', err: `${err.message}\n`, code: 2 };
    return { out: '', err: `unexpected error: ${(err as Error).stack ?? err}\n`, code: 2 };
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { out, err, code } = await main(process.argv.slice(2));
  process.stdout.write(out);
  process.stderr.write(err);
  process.exitCode = code;
}
