import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './player.ts';
import { formatIssue } from './schema.ts';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

function messages(input: unknown, name = 'fixture'): string[] {
  const result = loadScenario(input, name);
  return result.ok ? [] : result.issues.map(formatIssue);
}

/** A copy of the valid fixture with one step changed. */
function withStep(index: number, edit: (step: Record<string, unknown>) => void) {
  const scenario = fixture('valid-small');
  const steps = scenario.steps as Record<string, unknown>[];
  edit(steps[index]!);
  return scenario;
}

describe('scenario validation', () => {
  it('accepts the valid fixture', () => {
    expect(messages(fixture('valid-small'))).toEqual([]);
  });

  it('names the scenario, the step number and title, and the field of a mistake', () => {
    const out = messages(fixture('broken-scenario'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^broken step 2 "Health checks" › expect\[1\]\.metric: unknown metric "p96"/,
    );
  });

  it('reads the shorthand "METRIC OP NUMBER" and names a bad one', () => {
    const out = messages(
      withStep(0, (s) => {
        s.expect = ['p95 <<< 200'];
      }),
    );
    expect(out[0]).toBe(
      'tiny step 1 "One server" › expect[0]: cannot read "p95 <<< 200"; write METRIC OP NUMBER, e.g. "p95 < 200"',
    );
  });

  it('rejects a box that does not exist in the step', () => {
    const out = messages(
      withStep(1, (s) => {
        s.actions = [{ atS: 3, action: { type: 'crash', node: 'app9' } }];
      }),
    );
    expect(out).toEqual([
      'tiny step 2 "Add a database" › actions[0].action.node: no box with id "app9" in this step',
    ]);
  });

  it('rejects an unknown setting in a patch, as a typo, not silently', () => {
    const out = messages(
      withStep(2, (s) => {
        s.change = { patch: { app: { config: { poolsize: 20 } } } };
      }),
    );
    expect(out).toEqual([
      'tiny step 3 "A bigger pool" › change.patch.app.config.poolsize: unknown setting for App server',
    ]);
  });

  it('rejects a setting out of range in a full document', () => {
    const out = messages(
      withStep(0, (s) => {
        const doc = s.document as { nodes: { config: Record<string, unknown> }[] };
        doc.nodes[0]!.config.rps = -5;
      }),
    );
    expect(out[0]).toMatch(
      /^tiny step 1 "One server" › document\.nodes\[0\]\.config\.rps: must be at least 0/,
    );
  });

  it('rejects removing something that is not there', () => {
    const out = messages(
      withStep(3, (s) => {
        s.change = { remove: ['cache'] };
      }),
    );
    expect(out).toEqual([
      'tiny step 4 "No database" › change.remove[0]: no box or connection with id "cache"',
    ]);
  });

  it('rejects a connection to a box that does not exist', () => {
    const out = messages(
      withStep(1, (s) => {
        s.change = { add: { edges: [{ id: 'e9', source: 'app', target: 'redis' }] } };
        s.expect = [];
        s.actions = [];
      }),
    );
    expect(out[0]).toMatch(
      /step 2 "Add a database" › change.*connection "e9": no node with id "redis"/,
    );
  });

  it('needs a document on the first step', () => {
    const out = messages(
      withStep(0, (s) => {
        delete s.document;
      }),
    );
    expect(out).toEqual([
      'tiny step 1 "One server" › document: the first step needs a full document',
    ]);
  });

  it('names an unknown failure cause and an unknown action', () => {
    const out = messages(
      withStep(1, (s) => {
        s.expect = ['failedBy.sessionlost > 0'];
        s.actions = [{ atS: 1, action: { type: 'explode', node: 'db' } }];
      }),
    );
    expect(out.join('\n')).toContain('expect[0]: unknown failure cause "sessionlost"');
    expect(out.join('\n')).toContain('actions[0].action.type: unknown action type');
  });

  it('rejects an action after the end of the run and a window past the end', () => {
    const out = messages(
      withStep(0, (s) => {
        s.actions = [{ atS: 25, action: { type: 'crash', node: 'app' } }];
        s.expect = [{ metric: 'p95', op: '<', value: 100, fromS: 5, toS: 40 }];
      }),
    );
    expect(out).toContain(
      'tiny step 1 "One server" › actions[0]: happens at 25 s, after the run ends (20 s)',
    );
    expect(out).toContain(
      'tiny step 1 "One server" › expect[0].toS: window ends at 40 s, after the run ends (20 s)',
    );
  });

  it('names the scenario by its file when the head is wrong', () => {
    expect(messages({ title: 'x', summary: 'y', steps: [] }, 'system-9')).toEqual([
      'system-9 › id: Invalid input: expected string, received undefined',
      'system-9 › steps: a scenario needs at least one step',
    ]);
  });

  it('never throws on garbage', () => {
    for (const input of [null, 3, 'x', [], { steps: [null] }, { id: 'a', steps: [{}] }]) {
      expect(loadScenario(input, 'junk').ok).toBe(false);
    }
  });
});
