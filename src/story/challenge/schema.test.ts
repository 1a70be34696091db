// A challenge file with a mistake is refused with the JSON path of each problem, so an
// instructor can fix their own file; nothing half-valid is ever opened.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadChallenge, looksLikeChallenge } from './load.ts';
import { formatChallengeIssue } from './schema.ts';

/** The parts of the fixture the tests edit. */
interface TinyJson {
  goals: (Record<string, unknown> | string)[];
  start: { nodes: { config: Record<string, unknown> }[] };
  script?: unknown[];
  run: { durationS: number };
  solutions: { change: unknown }[];
}

const tiny = (): TinyJson =>
  JSON.parse(readFileSync(new URL('./fixtures/tiny.json', import.meta.url), 'utf8'));

function messages(input: unknown): string[] {
  const result = loadChallenge(input, 'file-name');
  return result.ok ? [] : result.issues.map(formatChallengeIssue);
}

describe('challenge files', () => {
  it('accepts the fixture and compiles its start, script and solutions', () => {
    const loaded = loadChallenge(tiny(), 'tiny');
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const c = loaded.challenge;
    expect(c.run).toEqual({ durationMs: 20_000, warmupMs: 5000, seed: 1 });
    expect(c.start.nodes.map((n) => n.id)).toEqual(['users', 'app', 'db']);
    expect(c.solutions[0]!.doc.nodes.find((n) => n.id === 'app')!.config.replicas).toBe(3);
    // The users and every box named by the constraints are kept.
    expect(c.constraints.keep.sort()).toEqual(['db', 'users']);
  });

  it('names the JSON path of a bad goal, a bad setting and a box that is not there', () => {
    const json = tiny();
    (json.goals[1] as Record<string, unknown>).metric = 'p96';
    json.start.nodes[1]!.config.cores = 4;
    json.script = [{ atS: 5, action: { type: 'crash', node: 'app9' } }];
    const out = messages(json);
    expect(out).toEqual([
      expect.stringMatching(/^tiny › goals\[1\]\.metric: unknown metric "p96"; use errorRate, /),
    ]);
    // Structure first; once it is right, the meaning is checked.
    (json.goals[1] as Record<string, unknown>).metric = 'p95';
    expect(messages(json)).toEqual([
      'tiny › start.nodes[1].config.cores: unknown setting for App server; ignored',
    ]);
    delete json.start.nodes[1]!.config.cores;
    expect(messages(json)).toEqual([
      'tiny › script[0].action.node: no box with id "app9" in the starting diagram',
    ]);
  });

  it('explains the goals vocabulary, the script’s action types and the run limits', () => {
    const json = tiny();
    json.goals.push('cost <= 100', { goal: 'noSinglePointOfFailure', atS: 30 });
    json.script = [{ atS: 25, action: { type: 'explode', node: 'app' } }];
    json.run.durationS = 20;
    expect(messages(json)).toEqual([
      'tiny › script[0].action.type: unknown action type; use crash, crashAny, restart, slow, errorRate, cut, restore, rollingRestart, setRps or spike',
    ]);
    json.script = [{ atS: 25, action: { type: 'crashAny' } }];
    expect(messages(json)).toEqual([
      'tiny › script[0]: happens at 25 s, after the run ends (20 s)',
      'tiny › goals: a noSinglePointOfFailure goal already crashes each box in turn; drop the crashAny',
      'tiny › goals[3].atS: the crash at 30 s is after the run ends (20 s)',
    ]);
  });

  it('refuses a solution that does not apply to the start', () => {
    const json = tiny();
    json.solutions[0]!.change = { patch: { app: { config: { replicas: 0 } } } };
    expect(messages(json)).toEqual([
      'tiny › solutions[0].change.patch.app.config.replicas: must be at least 1',
    ]);
  });

  it('says what a file that is not a challenge at all is missing', () => {
    expect(messages([])).toEqual(['file-name › $: a challenge is a JSON object']);
    expect(messages({ id: 'x' })).toContain(
      'x › title: Invalid input: expected string, received undefined',
    );
  });

  it('tells a challenge from a diagram or a story', () => {
    expect(looksLikeChallenge(tiny())).toBe(true);
    expect(looksLikeChallenge({ version: 1, nodes: [], edges: [] })).toBe(false);
    expect(looksLikeChallenge({ id: 's', steps: [] })).toBe(false);
  });
});
