// `npm run grade` as an instructor runs it: a real process, real files, the exit code.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const fixture = join(root, 'src', 'story', 'challenge', 'fixtures', 'tiny.json');

function grade(args: string[]) {
  return spawnSync(tsx, [join(root, 'cli', 'grade.ts'), ...args], { encoding: 'utf8' });
}

describe('npm run grade', () => {
  const dir = mkdtempSync(join(tmpdir(), 'grade-cli-'));
  const challenge = JSON.parse(readFileSync(fixture, 'utf8'));
  const write = (name: string, data: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
    return file;
  };

  it('exits 1 and prints the grade as JSON when a goal is missed', () => {
    const out = grade([fixture, write('start.json', challenge.start)]);
    expect(out.status).toBe(1);
    const g = JSON.parse(out.stdout);
    expect(g.challenge).toBe('tiny');
    expect(g.passed).toBe(false);
    expect(g.rows[0]).toMatchObject({ label: 'Error rate < 1%', passed: false });
    expect(g.rows[0].cause.text).toMatch(/^App ran out of workers/);
  });

  it('exits 0 when every goal passes', () => {
    const design = JSON.parse(JSON.stringify(challenge.start));
    design.nodes[1].config.replicas = 3;
    const out = grade([fixture, write('good.json', design)]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).passed).toBe(true);
  });

  it('grades against a bundled challenge named by its id', () => {
    const out = grade(['one-server', write('start2.json', challenge.start)]);
    expect(out.status).toBe(1);
    expect(JSON.parse(out.stdout).challenge).toBe('one-server');
  });

  it('exits 2 with the JSON path on a bad challenge or a bad design, grading nothing', () => {
    const bad = { ...challenge, goals: ['p96 < 1'] };
    const a = grade([write('bad.json', bad), write('d.json', challenge.start)]);
    expect(a.status).toBe(2);
    expect(a.stdout).toBe('');
    expect(a.stderr).toContain('tiny › goals[0]: unknown metric "p96"');
    const b = grade([
      fixture,
      write('notdoc.json', { version: 1, nodes: [{ id: 'x', kind: 'spaceship' }], edges: [] }),
    ]);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('nodes[0].kind');
    const c = grade([fixture]);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('usage: npm run grade -- CHALLENGE.json DESIGN.json');
    const d = grade([fixture, write('broken.json', '{ nope')]);
    expect(d.status).toBe(2);
    expect(d.stderr).toMatch(/is not JSON/);
  });
});
