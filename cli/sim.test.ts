// The CLI as a user runs it: a real process on a real file.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../src/model/index.ts';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(args: string[]) {
  return spawnSync(tsx, [join(root, 'cli', 'sim.ts'), ...args], { encoding: 'utf8' });
}

describe('npm run sim', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));

  it('prints the report of a good document as one JSON object', () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(exampleDocument()));
    const out = run([file, '--duration', '20', '--warmup', '2', '--seed', '4']);
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.duration_s).toBe(18);
    expect(report.requests.completed).toBeGreaterThan(800);
    expect(report.latency_ms.p99).toBeGreaterThan(0);
    expect(report.nodes.db.kind).toBe('db');
  });

  it('names the JSON path of a broken document and exits with 2', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ version: 1, nodes: [{ id: 'x', kind: 'spaceship' }] }));
    const out = run([file, '--duration', '5']);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('nodes[0].kind');
  });

  it('refuses bad flags with the usage and exit code 2', () => {
    const out = run(['--duration', 'soon']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('usage: npm run sim');
  });
});
