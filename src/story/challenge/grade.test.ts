// The grader as a learner relies on it: the same design always gets the same grade, each
// missed goal names its figure and the box behind it, the world a challenge fixes cannot be
// bargained away, "any one box" means each box in turn, and a design too big to grade gets
// a clear message instead of a hang.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TopologyDocument } from '../../model/types.ts';
import { crashCandidates, type Grade, gradeDesign, gradeSteps } from './grade.ts';
import { type Challenge, loadChallenge } from './load.ts';

function load(json: unknown): Challenge {
  const loaded = loadChallenge(json, 'tiny');
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
  return loaded.challenge;
}

const tinyJson = () =>
  JSON.parse(readFileSync(new URL('./fixtures/tiny.json', import.meta.url), 'utf8'));
const tiny = () => load(tinyJson());
const clone = (doc: TopologyDocument): TopologyDocument => JSON.parse(JSON.stringify(doc));

function row(grade: Grade, label: RegExp) {
  const found = grade.rows.find((r) => label.test(r.label));
  if (!found) throw new Error(`no row ${label}: ${grade.rows.map((r) => r.label).join(' | ')}`);
  return found;
}

describe('grading a design', () => {
  it('gives the same design and seed the same grade, bit for bit', () => {
    const challenge = tiny();
    const a = gradeDesign(challenge, challenge.start);
    const b = gradeDesign(tiny(), clone(challenge.start));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // Stepping through the generator (as the Worker does) changes nothing either.
    const steps = gradeSteps(challenge, challenge.start);
    let step = steps.next();
    let progress = 0;
    while (!step.done) {
      expect(step.value.doneMs).toBeGreaterThanOrEqual(progress);
      progress = step.value.doneMs;
      step = steps.next();
    }
    expect(progress).toBe(step.value.runs * challenge.run.durationMs);
    expect(JSON.stringify(step.value)).toBe(JSON.stringify(a));
  });

  it('says which goal was missed, by how much, and which box caused it', () => {
    const challenge = tiny();
    const grade = gradeDesign(challenge, challenge.start);
    expect(grade.passed).toBe(false);
    const errors = row(grade, /^Error rate/);
    expect(errors.passed).toBe(false);
    expect(errors.value).toBeGreaterThan(0.1);
    expect(errors.display).toMatch(/^\d+(\.\d+)?%$/);
    expect(errors.cause?.node).toBe('app');
    expect(errors.cause?.text).toMatch(/^App ran out of workers at \d+ s/);
    const p95 = row(grade, /^p95 latency/);
    expect(p95.passed).toBe(false);
    expect(p95.display).toMatch(/ ms$/);
    // The charts show that run, with its events marked.
    expect(grade.shown.series.length).toBe(challenge.run.durationMs / 1000);
    expect(grade.goalsPassed).toBeLessThan(grade.goalsTotal);
  });

  it('passes the reference solution on every goal, the budget and the rules', () => {
    const challenge = tiny();
    const grade = gradeDesign(challenge, challenge.solutions[0]!.doc);
    expect(grade.rows.filter((r) => !r.passed)).toEqual([]);
    expect(grade.passed).toBe(true);
    expect(row(grade, /^Monthly budget/).value).toBe(grade.cost.totalUsd);
  });

  it('puts back what the challenge fixes, and says so', () => {
    const challenge = tiny();
    const design = clone(challenge.solutions[0]!.doc);
    const app = design.nodes.find((n) => n.id === 'app')!;
    app.config.serviceTimeMs = 1; // faster code is not a design choice here
    const users = design.nodes.find((n) => n.id === 'users')!;
    users.config.rps = 1; // nor is less traffic
    const grade = gradeDesign(challenge, design);
    expect(grade.notes).toEqual([
      'Users: traffic put back to the challenge’s (the users are not yours to change)',
      'App: Work per request 1 ms → 40 ms (fixed by the challenge)',
    ]);
    expect(JSON.stringify(grade.rows)).toBe(
      JSON.stringify(gradeDesign(challenge, challenge.solutions[0]!.doc).rows),
    );
  });

  it('gives a box added from the palette the starting design’s fixed settings', () => {
    const challenge = tiny();
    const design = clone(challenge.start);
    design.nodes.push({
      id: 'n2',
      kind: 'app',
      label: 'App 2',
      position: { x: 0, y: 0 },
      config: { ...challenge.start.nodes[1]!.config, serviceTimeMs: 20 },
    });
    const grade = gradeDesign(challenge, design);
    expect(grade.notes).toContain(
      'App 2: Work per request 20 ms → 40 ms (fixed by the challenge, as App in the starting diagram)',
    );
  });

  it('fails the rules when a box the challenge needs is removed, or new users appear', () => {
    const challenge = tiny();
    const design = clone(challenge.solutions[0]!.doc);
    design.nodes = design.nodes.filter((n) => n.id !== 'db');
    design.edges = design.edges.filter((e) => e.target !== 'db');
    design.nodes.push({
      id: 'bots',
      kind: 'client',
      label: 'Bots',
      position: { x: 0, y: 300 },
      config: {},
    });
    const rules = row(gradeDesign(challenge, design), /rules/);
    expect(rules.passed).toBe(false);
    expect(rules.display).toContain('“Bots” adds users of its own');
    expect(rules.display).toContain('“Database” was removed; the challenge needs it');
  });

  it('names kinds a challenge does not allow', () => {
    const json = tinyJson();
    json.constraints.kinds = ['client', 'app', 'db'];
    const challenge = load(json);
    const design = clone(challenge.start);
    design.nodes.push({
      id: 'c',
      kind: 'cdn',
      label: 'Edge',
      position: { x: 0, y: 0 },
      config: {},
    });
    const rules = row(gradeDesign(challenge, design), /rules/);
    expect(rules.display).toBe(
      'CDN is not part of this challenge (“Edge”); use Client, App server, Database',
    );
  });

  it('runs an "any one box" crash once per box and reports the worst', () => {
    const json = tinyJson();
    json.script = [{ atS: 10, action: { type: 'crashAny', kinds: ['app', 'db'] } }];
    const challenge = load(json);
    const design = challenge.solutions[0]!.doc;
    expect(crashCandidates(design, ['app', 'db'])).toEqual(['app', 'db']);
    const grade = gradeDesign(challenge, design);
    expect(grade.runs).toBe(2);
    const errors = row(grade, /^Error rate/);
    expect(errors.passed).toBe(false);
    // App has 3 replicas: one of them dies. The database is alone: it takes the shop down.
    expect(errors.where).toBe('when Database crashed at 10 s');
    expect(grade.shown.markers).toEqual([{ t: 10, text: 'Database crashed' }]);
    expect(grade.shown.replay.actions).toEqual([
      { atMs: 10_000, action: { type: 'crash', node: 'db' } },
    ]);
  });

  it('crashes one replica of a replicated box, not all of them', () => {
    const json = tinyJson();
    json.goals = [
      { goal: 'noSinglePointOfFailure', atS: 8, fromS: 12, maxErrorRate: 0.01, kinds: ['app'] },
    ];
    const challenge = load(json);
    // Three replicas behind a load balancer with quick health checks: one may die.
    const design = clone(challenge.solutions[0]!.doc);
    design.nodes.push({
      id: 'lb',
      kind: 'lb',
      label: 'Load balancer',
      position: { x: 140, y: 120 },
      config: { healthCheckIntervalMs: 250, unhealthyThreshold: 1 },
    });
    design.edges = [
      { id: 'a', source: 'users', target: 'lb' },
      { id: 'b', source: 'lb', target: 'app' },
      { id: 'c', source: 'app', target: 'db' },
    ];
    const spof = row(gradeDesign(challenge, design), /^No single point of failure/);
    expect(spof.where).toBe('when one replica of App crashed at 8 s');
    expect(spof.passed).toBe(true);
    // Without the load balancer the dead replica keeps its turn: requests keep failing.
    const turns = row(gradeDesign(challenge, challenge.solutions[0]!.doc), /^No single point/);
    expect(turns.passed).toBe(false);
    const alone = row(gradeDesign(challenge, challenge.start), /^No single point/); // one App
    expect(alone.passed).toBe(false);
    expect(alone.where).toBe('when App crashed at 8 s');
    expect(alone.cause?.text).toMatch(/^App was down from \d+ s, and requests kept being sent/);
  });

  it('stops a design too big to grade with a message, never a hang', () => {
    const challenge = tiny();
    const design = clone(challenge.start);
    design.nodes.push({
      id: 'cron',
      kind: 'cron',
      label: 'Nightly import',
      position: { x: 0, y: 300 },
      config: { everyMs: 100, jobsPerRun: 100_000 },
    });
    design.edges.push({ id: 'e-cron', source: 'cron', target: 'app' });
    const t0 = performance.now();
    const grade = gradeDesign(challenge, design, { maxMs: 1500, now: () => performance.now() });
    expect(performance.now() - t0).toBeLessThan(6000);
    expect(grade.status).toBe('too-big');
    expect(grade.passed).toBe(false);
    expect(grade.message).toMatch(/^Grading stopped after 2 s: this design takes too long/);
    expect(grade.message).toContain('“Nightly import” starts 1000000 jobs a second');
    expect(grade.rows.filter((r) => r.kind === 'goal').every((r) => !r.passed)).toBe(true);
    expect(grade.rows.find((r) => r.kind === 'goal')?.display).toBe(
      'not measured: the design is too big to grade',
    );
  });

  it('stops at the engine-event budget the same way every time', () => {
    const challenge = tiny();
    const a = gradeDesign(challenge, challenge.start, { maxEvents: 3000 });
    expect(a.status).toBe('too-big');
    expect(a.message).toMatch(
      /^Grading stopped: this design needs more than 3,000 engine events, the most one grade may use \(it had simulated \d+ of 20 s\)/,
    );
    expect(JSON.stringify(gradeDesign(challenge, challenge.start, { maxEvents: 3000 }))).toBe(
      JSON.stringify(a),
    );
  });
});
