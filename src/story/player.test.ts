import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canGoNext,
  canGoPrevious,
  formatStoryHash,
  goTo,
  loadScenario,
  narrativeBlocks,
  next,
  parseStoryHash,
  previous,
  progress,
  type Scenario,
} from './player.ts';

function tiny(): Scenario {
  const input = JSON.parse(
    readFileSync(new URL('./fixtures/valid-small.json', import.meta.url), 'utf8'),
  );
  const result = loadScenario(input, 'tiny');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.scenario;
}

describe('compiling a scenario', () => {
  it('applies each change to the previous step’s document, cumulatively', () => {
    const s = tiny();
    const ids = s.steps.map((step) => step.doc.nodes.map((n) => n.id));
    expect(ids).toEqual([
      ['users', 'app'],
      ['users', 'app', 'db'],
      ['users', 'app', 'db'],
      ['users', 'app'],
    ]);
    expect(s.steps[1]!.doc.edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(s.steps[3]!.doc.edges.map((e) => e.id)).toEqual(['e1']);
    expect(s.steps[3]!.doc.title).toBe('Tiny again');
  });

  it('fills every setting with its default, keeping the authored ones', () => {
    const db = tiny().steps[1]!.doc.nodes.find((n) => n.id === 'db')!;
    expect(db.config.maxConnections).toBe(20);
    expect(db.config.readMs).toBe(5);
  });

  it('patches settings and labels without touching earlier steps', () => {
    const s = tiny();
    const app = (i: number) => s.steps[i]!.doc.nodes.find((n) => n.id === 'app')!;
    expect(app(2).config.poolSize).toBe(20);
    expect(app(2).label).toBe('App (pooled)');
    expect(app(1).config.poolSize).toBe(10);
    expect(app(1).label).toBe('App');
  });

  it('derives the new box from the diff, or the changed box for a settings step', () => {
    expect(tiny().steps.map((step) => step.newNodes)).toEqual([[], ['db'], ['app'], []]);
  });

  it('turns seconds into the engine’s milliseconds and keeps run settings', () => {
    const s = tiny();
    expect(s.steps[1]!.actions).toEqual([{ atMs: 5000, action: { type: 'crash', node: 'db' } }]);
    expect(s.steps[0]!.run).toEqual({ durationMs: 20_000, warmupMs: 2000, seed: 7 });
    expect(s.steps[1]!.run).toEqual({ durationMs: 30_000, warmupMs: 5000, seed: 1 });
  });

  it('expands the expectation shorthand', () => {
    expect(tiny().steps[0]!.expect[0]).toEqual({ metric: 'errorRate', op: '<', value: 0.01 });
  });
});

describe('navigation', () => {
  it('moves within bounds', () => {
    const s = tiny();
    let at = goTo(s, 0);
    expect(canGoPrevious(at)).toBe(false);
    expect(previous(s, at).step).toBe(0);
    at = next(s, next(s, next(s, at)));
    expect(at.step).toBe(3);
    expect(canGoNext(s, at)).toBe(false);
    expect(next(s, at).step).toBe(3);
    expect(goTo(s, 99).step).toBe(3);
    expect(goTo(s, -4).step).toBe(0);
    expect(goTo(s, Number.NaN).step).toBe(0);
  });

  it('reports progress as people count', () => {
    const s = tiny();
    expect(progress(s, goTo(s, 1))).toEqual({ current: 2, total: 4, fraction: 0.5 });
  });
});

describe('deep links', () => {
  it('count steps from 1 in the URL and from 0 in the player', () => {
    expect(parseStoryHash('#/story/system-3/2')).toEqual({ scenarioId: 'system-3', step: 1 });
    expect(parseStoryHash('#/story/system-3')).toEqual({ scenarioId: 'system-3', step: 0 });
    expect(formatStoryHash({ scenarioId: 'system-3', step: 1 })).toBe('#/story/system-3/2');
  });

  it('round-trips and ignores other hashes', () => {
    const at = { scenarioId: 'journey', step: 4 };
    expect(parseStoryHash(formatStoryHash(at))).toEqual(at);
    for (const hash of ['', '#', '#/share/abc', '#/story/', '#/story/Sys 3/1', '#/story/x/y']) {
      expect(parseStoryHash(hash)).toBeNull();
    }
  });
});

describe('narrative', () => {
  it('splits paragraphs and lists, as text', () => {
    expect(narrativeBlocks('One\ntwo.\n\n- a\n- b\n\n<b>x</b>')).toEqual([
      { type: 'paragraph', text: 'One two.' },
      { type: 'list', items: ['a', 'b'] },
      { type: 'paragraph', text: '<b>x</b>' },
    ]);
  });
});
