// `npm run story:check` as CI uses it: the exit code says whether the story holds.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  readFileSync(new URL(`../src/story/fixtures/${name}.json`, import.meta.url), 'utf8');

function check(name: string, text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'story-check-'));
  const file = join(dir, `${name}.json`);
  writeFileSync(file, text);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/story-check.ts', file], {
    encoding: 'utf8',
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('story:check', () => {
  it('exits 0 and prints a table when every claim holds', () => {
    const { code, out } = check('tiny', fixture('valid-small'));
    expect(out).toContain('tiny 1  One server');
    expect(out).toContain('3 claims: 3 hold, 0 fail');
    expect(code).toBe(0);
  });

  it('exits 1 and says what the run showed when a claim fails', () => {
    const { code, out } = check(
      'tiny',
      fixture('valid-small').replace('"errorRate < 0.01"', '"errorRate > 0.5"'),
    );
    expect(out).toMatch(/FAIL\s+expected error rate > 50%, got 0%/);
    expect(code).toBe(1);
  });

  it('exits 2 on an invalid file, naming step and field, and runs nothing', () => {
    const { code, out } = check('broken', fixture('broken-scenario'));
    expect(out).toContain('broken step 2 "Health checks" › expect[1].metric: unknown metric "p96"');
    expect(out).toContain('nothing was run');
    expect(code).toBe(2);
  });

  const challenge = () =>
    readFileSync(new URL('../src/story/challenge/fixtures/tiny.json', import.meta.url), 'utf8');

  it('proves a challenge fair: its start fails and its solutions pass (exit 0)', () => {
    const { code, out } = check('tiny', challenge());
    expect(out).toMatch(/tiny\s+start\s+fails \(ok\)\s+Error rate < 1%: /);
    expect(out).toMatch(/tiny\s+solution: Three copies\s+passes/);
    expect(out).toContain('1 challenges: 1 fair');
    expect(code).toBe(0);
  });

  it('exits 1 when a challenge’s solution does not pass', () => {
    const json = JSON.parse(challenge());
    json.solutions[0].change.patch.app.config.replicas = 1;
    const { code, out } = check('tiny', JSON.stringify(json));
    expect(out).toMatch(/FAIL\s+solution “Three copies” fails: Error rate < 1%/);
    expect(code).toBe(1);
  });

  it('exits 2 on an invalid challenge, naming the JSON path, and runs nothing', () => {
    const json = JSON.parse(challenge());
    json.goals[0].op = '=';
    const { code, out } = check('tiny', JSON.stringify(json));
    expect(out).toContain('tiny › goals[0].op: must be one of < <= > >=');
    expect(out).toContain('nothing was run');
    expect(code).toBe(2);
  });
});
