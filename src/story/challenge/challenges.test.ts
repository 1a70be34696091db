// Every challenge is fair: its file is valid, its starting diagram misses a goal, and every
// one of its solutions passes every goal (the same check as `npm run story:check`).

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChallenge } from './check.ts';
import { gradeDesign } from './grade.ts';
import { type Challenge, loadChallenge } from './load.ts';
import { formatChallengeIssue } from './schema.ts';

const dir = new URL('../../../scenarios/challenges/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

function load(file: string): Challenge {
  const name = file.replace(/\.json$/, '');
  const loaded = loadChallenge(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), name);
  if (!loaded.ok) expect.fail(loaded.issues.map(formatChallengeIssue).join('\n'));
  expect(loaded.challenge.id).toBe(name);
  return loaded.challenge;
}

describe('challenges', () => {
  it('follow the source article’s problems, at least twelve, from easy to hard', () => {
    const all = files.map(load);
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'one-server',
        'db-connections',
        'sessions',
        'zero-downtime-deploy',
        'no-single-point-of-failure',
        'static-files',
        'slow-email',
        'hot-products',
        'cache-stampede',
        'split-service',
        'cheapest-design',
        'no-microservices',
      ]),
    );
    const levels = new Set(all.map((c) => c.difficulty));
    expect(Math.min(...levels)).toBe(1);
    expect(Math.max(...levels)).toBe(5);
    // Solvable in several ways: each ships at least two different passing designs.
    for (const c of all) expect(c.solutions.length, c.id).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    it(`${file.replace(/\.json$/, '')}: the start fails and every solution passes`, () => {
      const check = checkChallenge(load(file));
      expect(check.problems).toEqual([]);
    });
  }

  it('no-microservices: a monolith that skips the code’s work does not pass', () => {
    const challenge = load('no-microservices.json');
    const monolith = challenge.solutions[0]!.doc;
    const skipped = {
      ...monolith,
      nodes: monolith.nodes.map((n) =>
        n.id === 'gateway' ? { ...n, config: { ...n.config, serviceTimeMs: 2 } } : n,
      ),
    };
    const grade = gradeDesign(challenge, skipped);
    expect(grade.passed).toBe(false);
    const work = grade.rows.find((r) => r.label.includes('work is still done'));
    expect(work?.passed).toBe(false);
  });
});
