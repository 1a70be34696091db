// `npm run mermaid -- import FILE.mmd|.md [--block N]` prints the topology document JSON;
// `npm run mermaid -- export FILE.json` prints Mermaid; `--help` (or `-h`) prints usage.
// Problems go to stderr, exit code 2.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreDocument } from '../src/model/restore.ts';
import {
  defaultBlockIndex,
  extractMermaidBlocks,
  isMarkdownName,
} from '../src/io/mermaid/blocks.ts';
import { exportMermaid } from '../src/io/mermaid/export.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';

const USAGE = `usage:
  npm run mermaid -- import FILE.mmd|FILE.md [--block N]   Mermaid flowchart → document JSON
  npm run mermaid -- export FILE.json                      document JSON → Mermaid flowchart
  npm run mermaid -- --help                                this text

In a .md file, import takes the first \`\`\`mermaid block that is a flowchart;
--block N takes the Nth block instead (1 for the first).`;

class CliError extends Error {}

function readText(file: string | undefined): string {
  if (!file) throw new CliError(`missing FILE\n${USAGE}`);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
}

function blockNumber(value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value.trim()) || n < 1) {
    throw new CliError('--block needs a number: 1 for the first ```mermaid block');
  }
  return n;
}

/** `import` arguments: one file, `--block N` or `--block=N` anywhere. */
function importArgs(rest: string[]): { file: string | undefined; block: number | undefined } {
  let block: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--block') block = blockNumber(rest[++i]);
    else if (arg.startsWith('--block=')) block = blockNumber(arg.slice('--block='.length));
    else if (arg.startsWith('-') && arg !== '-') {
      throw new CliError(`unknown option "${arg}"\n${USAGE}`);
    } else files.push(arg);
  }
  if (files.length > 1) throw new CliError(`one FILE at a time (got ${files.length})\n${USAGE}`);
  return { file: files[0], block };
}

export async function main(argv: string[]): Promise<{ out: string; err: string; code: number }> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      return { out: `${USAGE}\n`, err: '', code: 0 };
    }
    if (command === 'import') {
      const { file, block: chosen } = importArgs(rest);
      let text = readText(file);
      let lineOffset = 0;
      let err = '';
      if (isMarkdownName(file!)) {
        const blocks = extractMermaidBlocks(text);
        if (!blocks.length) throw new CliError(`${file} has no \`\`\`mermaid code block`);
        const index = chosen === undefined ? defaultBlockIndex(blocks) : chosen - 1;
        const block = blocks[index];
        if (!block) {
          throw new CliError(
            `${file} has ${blocks.length} mermaid block${blocks.length > 1 ? 's' : ''}; there is no block ${chosen}`,
          );
        }
        if (chosen === undefined && blocks.length > 1) {
          const why = block.flowchart ? 'the first flowchart' : 'none of them is a flowchart';
          err += `note: ${file} has ${blocks.length} mermaid blocks; importing block ${index + 1} (line ${block.line}), ${why}. Choose another with --block N.\n`;
        }
        text = block.text;
        lineOffset = block.line - 1;
      } else if (chosen !== undefined) {
        throw new CliError(
          `--block picks a \`\`\`mermaid block in a markdown file (.md); ${file} is read whole`,
        );
      }
      const r = await importMermaid(text);
      if (!r.ok) {
        const where =
          r.error.line !== undefined
            ? `${file}:${r.error.line + lineOffset}${r.error.column !== undefined ? `:${r.error.column}` : ''}: `
            : `${file}: `;
        // Every line number in the message counts in the markdown file, hints included.
        const message = lineOffset
          ? r.error.message.replace(
              /\b([Ll]ine) (\d+)/g,
              (_m, word: string, n: string) => `${word} ${Number(n) + lineOffset}`,
            )
          : r.error.message;
        return { out: '', err: `${err}${where}${message}\n`, code: 2 };
      }
      err += r.warnings.map((w) => `warning: ${w}\n`).join('');
      return { out: `${JSON.stringify(r.doc, null, 2)}\n`, err, code: 0 };
    }
    if (command === 'export') {
      const file = rest[0];
      const text = readText(file);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw new CliError(`${file} is not JSON: ${(err as Error).message}`);
      }
      const restored = restoreDocument(json);
      if (!restored.ok) {
        throw new CliError(
          `${file} is not a topology document:\n${restored.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`,
        );
      }
      const err = restored.warnings.map((w) => `warning: ${w.path}: ${w.message}\n`).join('');
      return { out: exportMermaid(restored.doc), err, code: 0 };
    }
    throw new CliError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
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
