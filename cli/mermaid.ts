// `npm run mermaid -- import FILE.mmd|.md [--block N]` prints the topology document JSON;
// `npm run mermaid -- export FILE.json` prints Mermaid. Problems go to stderr, exit code 2.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreDocument } from '../src/model/restore.ts';
import { extractMermaidBlocks, isMarkdownName } from '../src/io/mermaid/blocks.ts';
import { exportMermaid } from '../src/io/mermaid/export.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';

const USAGE = `usage:
  npm run mermaid -- import FILE.mmd|FILE.md [--block N]   Mermaid flowchart → document JSON
  npm run mermaid -- export FILE.json                      document JSON → Mermaid flowchart`;

class CliError extends Error {}

function readText(file: string | undefined): string {
  if (!file) throw new CliError(`missing FILE\n${USAGE}`);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
}

export async function main(argv: string[]): Promise<{ out: string; err: string; code: number }> {
  const [command, ...rest] = argv;
  try {
    if (command === 'import') {
      let blockNumber = 1;
      const files: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] === '--block') {
          blockNumber = Number(rest[++i]);
          if (!Number.isInteger(blockNumber) || blockNumber < 1) {
            throw new CliError('--block needs a number: 1 for the first ```mermaid block');
          }
        } else files.push(rest[i]!);
      }
      const file = files[0];
      let text = readText(file);
      let lineOffset = 0;
      if (isMarkdownName(file!)) {
        const blocks = extractMermaidBlocks(text);
        if (!blocks.length) throw new CliError(`${file} has no \`\`\`mermaid code block`);
        const block = blocks[blockNumber - 1];
        if (!block) {
          throw new CliError(
            `${file} has ${blocks.length} mermaid block${blocks.length > 1 ? 's' : ''}; there is no block ${blockNumber}`,
          );
        }
        text = block.text;
        lineOffset = block.line - 1;
      }
      const r = await importMermaid(text);
      if (!r.ok) {
        const where =
          r.error.line !== undefined
            ? `${file}:${r.error.line + lineOffset}${r.error.column !== undefined ? `:${r.error.column}` : ''}: `
            : `${file}: `;
        const message = lineOffset
          ? r.error.message.replace(/line (\d+)/, (_m, n) => `line ${Number(n) + lineOffset}`)
          : r.error.message;
        return { out: '', err: `${where}${message}\n`, code: 2 };
      }
      const err = r.warnings.map((w) => `warning: ${w}\n`).join('');
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
