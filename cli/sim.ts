// `npm run sim -- FILE.json --duration S --warmup S --seed N [--network-ms MS]`
// Runs a topology document headless and prints the report (src/sim/api.ts) as one JSON
// object on stdout. A bad document or bad flags: a message on stderr, exit code 2.

import { readFileSync } from 'node:fs';
import { describeIssues, restoreDocument } from '../src/model/index.ts';
import { simulate } from '../src/sim/simulate.ts';

const USAGE = `usage: npm run sim -- FILE.json [--duration S] [--warmup S] [--seed N] [--network-ms MS]
  --duration S     virtual seconds to run (default 60)
  --warmup S       seconds not measured at the start (default 0)
  --seed N         random seed, an integer (default 1)
  --network-ms MS  one-way delay added to every hop (default 0)`;

interface Flags {
  file: string;
  duration: number;
  warmup: number;
  seed: number;
  networkMs: number;
}

export function parseFlags(argv: string[]): Flags | string {
  const flags: Flags = { file: '', duration: 60, warmup: 0, seed: 1, networkMs: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if (flags.file) return `unexpected argument "${arg}"`;
      flags.file = arg;
      continue;
    }
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) return `${name} needs a value`;
    const n = Number(value);
    if (!Number.isFinite(n)) return `${name} must be a number, got "${value}"`;
    switch (name) {
      case '--duration':
        if (n <= 0 || n > 86_400) return '--duration must be between 0 and 86400 seconds';
        flags.duration = n;
        break;
      case '--warmup':
        if (n < 0) return '--warmup must not be negative';
        flags.warmup = n;
        break;
      case '--seed':
        if (!Number.isInteger(n)) return '--seed must be an integer';
        flags.seed = n;
        break;
      case '--network-ms':
        if (n < 0 || n > 10_000) return '--network-ms must be between 0 and 10000';
        flags.networkMs = n;
        break;
      default:
        return `unknown flag ${name}`;
    }
  }
  if (!flags.file) return 'missing FILE.json';
  if (flags.warmup >= flags.duration) return '--warmup must be shorter than --duration';
  return flags;
}

function main(): number {
  const flags = parseFlags(process.argv.slice(2));
  if (typeof flags === 'string') {
    process.stderr.write(`${flags}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(flags.file, 'utf8');
  } catch (e) {
    process.stderr.write(`cannot read ${flags.file}: ${(e as Error).message}\n`);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    process.stderr.write(`${flags.file}: $: not valid JSON (${(e as Error).message})\n`);
    return 2;
  }
  const restored = restoreDocument(json);
  if (!restored.ok) {
    process.stderr.write(
      `${flags.file}: invalid document\n${describeIssues(restored.errors, 20)}\n`,
    );
    return 2;
  }
  for (const w of restored.warnings) process.stderr.write(`warning: ${w.path}: ${w.message}\n`);
  const report = simulate(restored.doc, {
    seed: flags.seed,
    durationMs: flags.duration * 1000,
    warmupMs: flags.warmup * 1000,
    networkMs: flags.networkMs,
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

process.exitCode = main();
