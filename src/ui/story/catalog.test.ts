import { describe, expect, it } from 'vitest';
import { loadCatalog } from './catalog.ts';

describe('story catalogue', () => {
  it('bundles every scenario in scenarios/, in picker order', () => {
    const { scenarios, issues } = loadCatalog();
    expect(issues).toEqual([]);
    expect(scenarios.map((s) => s.id)).toEqual([
      'system-0',
      'system-1',
      'system-2',
      'system-3',
      'system-4',
      'system-5',
      'system-6',
      'journey',
    ]);
  });

  it('lists a broken file with its reasons instead of dropping it silently', () => {
    const { scenarios, issues } = loadCatalog({
      '../../../scenarios/oops.json': { id: 'oops', title: 'Oops', summary: 'x', steps: [{}] },
    });
    expect(scenarios).toEqual([]);
    expect(issues[0]!.file).toBe('oops.json');
    expect(issues[0]!.issues.map((i) => i.path)).toContain('title');
  });
});
