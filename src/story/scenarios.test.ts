// The story never claims what the simulation does not show: every scenario in scenarios/
// is validated, every step is run headless in the engine and every claim is checked.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../sim/index.ts';
import { checkScenario } from './check.ts';
import { loadScenario } from './player.ts';
import { formatIssue } from './schema.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('scenarios', () => {
  it('has the whole story: System 0 to 6 and the journey', () => {
    expect(files.sort()).toEqual(
      expect.arrayContaining([
        'journey.json',
        'system-0.json',
        'system-1.json',
        'system-2.json',
        'system-3.json',
        'system-4.json',
        'system-5.json',
        'system-6.json',
      ]),
    );
  });

  for (const file of files) {
    const name = file.replace(/\.json$/, '');
    it(`${name}: valid, and every step shows what it claims`, () => {
      const loaded = loadScenario(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), name);
      if (!loaded.ok) expect.fail(loaded.issues.map(formatIssue).join('\n'));
      expect(loaded.scenario.id).toBe(name);
      const check = checkScenario(loaded.scenario, simulate);
      const failed = check.steps.flatMap((s) =>
        s.results
          .filter((r) => !r.ok)
          .map((r) => `step ${s.step.index + 1} "${s.step.title}": ${r.message}`),
      );
      expect(failed).toEqual([]);
    });
  }
});
