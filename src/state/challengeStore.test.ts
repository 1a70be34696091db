// Challenge mode in the stores: the learner's own diagram waits aside until they leave,
// Check puts back what the challenge fixes (one undo step) and grades the canvas, the best
// result is kept per challenge and survives a reload, and the design is kept per challenge.

import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { gradeDesign } from '../story/challenge/grade.ts';
import { type Challenge, loadChallenge } from '../story/challenge/load.ts';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}

const memory = new MemoryStorage();
vi.stubGlobal('localStorage', memory);

type Stores = {
  challenge: typeof import('./challengeStore.ts');
  docs: typeof import('./documentStore.ts');
};
let s: Stores;

function tiny(): Challenge {
  const json = JSON.parse(
    readFileSync(new URL('../story/challenge/fixtures/tiny.json', import.meta.url), 'utf8'),
  );
  const loaded = loadChallenge(json, 'tiny');
  if (!loaded.ok) throw new Error('fixture');
  return loaded.challenge;
}

beforeAll(async () => {
  s = {
    challenge: await import('./challengeStore.ts'),
    docs: await import('./documentStore.ts'),
  };
  // Grade right here instead of in a Worker.
  s.challenge.setGrader((challenge, design, onProgress) => {
    onProgress({ doneMs: 0, totalMs: 1 });
    return {
      promise: Promise.resolve({ ok: true, grade: gradeDesign(challenge, design) }),
      cancel() {},
    };
  });
});

beforeEach(() => {
  s.challenge.useChallengeStore.getState().leave();
  s.docs.useDocumentStore.getState().resetDocument(exampleDocument());
  s.challenge.useChallengeStore.setState({ catalog: [tiny()] });
});

describe('challenge mode', () => {
  it('puts the learner’s own diagram aside and gives it back on leaving', () => {
    const own = s.docs.useDocumentStore.getState().doc;
    expect(s.challenge.useChallengeStore.getState().start('tiny')).toBe(true);
    expect(s.docs.useDocumentStore.getState().doc.title).toBe('One server');
    expect(s.challenge.challengeActive()).toBe(true);
    s.challenge.useChallengeStore.getState().leave();
    expect(s.docs.useDocumentStore.getState().doc).toBe(own);
    expect(s.challenge.useChallengeStore.getState().start('nope')).toBe(false);
  });

  it('checks the canvas, puts back fixed settings as one undo step, and keeps the best result', async () => {
    const store = s.challenge.useChallengeStore;
    store.getState().start('tiny');
    s.docs.useDocumentStore.getState().change('Faster', (d) => ({
      ...d,
      nodes: d.nodes.map((n) =>
        n.id === 'app' ? { ...n, config: { ...n.config, serviceTimeMs: 1 } } : n,
      ),
    }));
    const first = await store.getState().check();
    expect(first?.passed).toBe(false);
    const app = s.docs.useDocumentStore.getState().doc.nodes.find((n) => n.id === 'app')!;
    expect(app.config.serviceTimeMs).toBe(40);
    expect(s.docs.useDocumentStore.getState().history.past.at(-1)?.label).toBe(
      'Apply the challenge’s fixed settings',
    );
    expect(store.getState().best.tiny).toMatchObject({ passed: false });

    s.docs.useDocumentStore.getState().change('Copies', (d) => ({
      ...d,
      nodes: d.nodes.map((n) =>
        n.id === 'app' ? { ...n, config: { ...n.config, replicas: 3 } } : n,
      ),
    }));
    const second = await store.getState().check();
    expect(second?.passed).toBe(true);
    expect(store.getState().status).toBe('done');
    expect(store.getState().best.tiny).toMatchObject({
      passed: true,
      costUsd: second!.cost.totalUsd,
    });
    // A worse result later does not replace the best one.
    store.getState().startOver();
    await store.getState().check();
    expect(store.getState().best.tiny?.passed).toBe(true);
    expect(JSON.parse(memory.getItem(s.challenge.CHALLENGE_BEST_KEY)!).tiny.passed).toBe(true);
  });

  it('keeps the design per challenge and brings it back next time', async () => {
    const store = s.challenge.useChallengeStore;
    store.getState().start('tiny');
    s.docs.useDocumentStore.getState().change('Rename', (d) => ({ ...d, title: 'My try' }));
    store.getState().leave(); // saves at once
    expect(JSON.parse(memory.getItem(s.challenge.challengeDesignKey('tiny'))!).title).toBe(
      'My try',
    );
    store.getState().start('tiny');
    expect(s.docs.useDocumentStore.getState().doc.title).toBe('My try');
  });

  it('shows hints one at a time, never more than there are', () => {
    const store = s.challenge.useChallengeStore;
    store.getState().start('tiny');
    for (let i = 0; i < 5; i++) store.getState().showHint();
    expect(store.getState().hints).toBe(2);
  });

  it('ranks results: a pass beats a miss, more goals beat fewer, then the cheaper', () => {
    const r = (passed: boolean, goalsPassed: number, costUsd: number) => ({
      passed,
      goalsPassed,
      goalsTotal: 4,
      costUsd,
      at: '',
    });
    expect(s.challenge.isBetter(undefined, r(false, 0, 1))).toBe(true);
    expect(s.challenge.isBetter(r(false, 3, 1), r(true, 4, 900))).toBe(true);
    expect(s.challenge.isBetter(r(false, 1, 1), r(false, 2, 9))).toBe(true);
    expect(s.challenge.isBetter(r(true, 4, 100), r(true, 4, 120))).toBe(false);
  });

  it('hands over to a story and back without losing the learner’s own diagram', async () => {
    const story = (await import('./storyStore.ts')).useStoryStore;
    const { loadScenario } = await import('../story/player.ts');
    const loaded = loadScenario(
      JSON.parse(
        readFileSync(new URL('../story/fixtures/valid-small.json', import.meta.url), 'utf8'),
      ),
      'tiny',
    );
    if (!loaded.ok) throw new Error('story fixture');
    story.getState().setCatalog([loaded.scenario], []);
    const own = s.docs.useDocumentStore.getState().doc;
    const store = s.challenge.useChallengeStore;
    store.getState().start('tiny');
    s.docs.useDocumentStore.getState().change('Mine', (d) => ({ ...d, title: 'Challenge try' }));
    // A story opened mid-challenge ends the challenge; its design is kept for next time.
    story.getState().start('tiny', 0);
    expect(store.getState().challenge).toBeNull();
    expect(JSON.parse(memory.getItem(s.challenge.challengeDesignKey('tiny'))!).title).toBe(
      'Challenge try',
    );
    story.getState().leave();
    expect(s.docs.useDocumentStore.getState().doc).toBe(own);
    // And the other way round: a challenge opened in a story ends the story.
    story.getState().start('tiny', 0);
    store.getState().start('tiny');
    expect(story.getState().scenario).toBeNull();
    expect(s.docs.useDocumentStore.getState().doc.title).toBe('Challenge try');
    store.getState().leave();
    expect(s.docs.useDocumentStore.getState().doc).toBe(own);
  });
});
