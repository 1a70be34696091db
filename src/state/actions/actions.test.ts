// @vitest-environment jsdom
// Every action in the registry, through an editor that owns its stores (a TestEditor per
// test: its own document and history, selection, ui and simulation with a stand-in Worker).
// Each test runs the action the way the menus do (only when its predicate allows) and checks
// what a person would see: the diagram, the selection, the dialog or message, what the
// simulation was asked. The last test checks that no action goes without one.

import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exampleDocument } from '../../model/example.ts';
import { gradeDesign } from '../../story/challenge/grade.ts';
import { type Challenge, loadChallenge } from '../../story/challenge/load.ts';
import { loadScenario, type Scenario } from '../../story/player.ts';
import { setGrader, useChallengeStore } from '../challengeStore.ts';
import { clipboard } from '../clipboard.ts';
import { useStoryStore } from '../storyStore.ts';
import { TestEditor } from '../testEditor.ts';
import { ACTIONS } from './index.ts';

const tested = new Set<string>();
let ed: TestEditor;

/** A test of the action `id` (recorded, so the last test can find actions without one). */
function test(id: string, name: string, fn: () => Promise<void> | void) {
  tested.add(id);
  it(`${id}: ${name}`, fn);
}

beforeEach(() => {
  ed = new TestEditor(exampleDocument());
});
afterEach(() => {
  useStoryStore.getState().leave();
  useChallengeStore.getState().leave();
  ed.dispose();
});

const ids = () => ed.doc.nodes.map((n) => n.id);
const dialog = () => ed.ui.getState().dialog?.id ?? null;

describe('file', () => {
  test(
    'new',
    'starts an empty diagram in one undo step, and says Undo brings it back',
    async () => {
      expect(await ed.run('new')).toBe(true);
      expect(ed.doc.nodes).toEqual([]);
      expect(ed.toasts.at(-1)).toContain('Undo brings the previous one back');
      await ed.run('undo');
      expect(ed.doc.nodes.length).toBeGreaterThan(0);
    },
  );

  test('open', 'opens the file picker', async () => {
    await ed.run('open');
    expect(ed.serviceCalls).toEqual(['openFilePicker']);
  });

  test('save', 'downloads the diagram and says so', async () => {
    const made: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      made.push(b);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => undefined;
    await ed.run('save');
    expect(made).toHaveLength(1);
    expect(JSON.parse(await made[0]!.text()).title).toBe(ed.doc.title);
    expect(ed.toasts.at(-1)).toMatch(/^Saved .*\.json$/);
  });

  for (const [id, name] of [
    ['recent-versions', 'recent-versions'],
    ['share', 'share'],
    ['embed', 'embed'],
    ['record-video', 'record'],
    ['import-mermaid', 'import-mermaid'],
    ['export-mermaid', 'export-mermaid'],
    ['import-config', 'import-config'],
    ['export-compose', 'export-compose'],
    ['export-nginx', 'export-nginx'],
    ['shortcuts', 'shortcuts'],
    ['story-open', 'story-picker'],
    ['challenge-open', 'challenge-picker'],
  ] as const) {
    test(id, `opens the ${name} dialog`, async () => {
      expect(dialog()).toBe(null);
      await ed.run(id);
      expect(dialog()).toBe(name);
    });
  }

  test('export-png', 'draws the picture named after the diagram', async () => {
    await ed.run('export-png');
    expect(ed.serviceCalls).toEqual([`png:${ed.doc.title}`]);
  });

  test('export-svg', 'draws the picture named after the diagram', async () => {
    await ed.run('export-svg');
    expect(ed.serviceCalls).toEqual([`svg:${ed.doc.title}`]);
  });
});

describe('edit', () => {
  test('undo', 'takes back the last change; nothing to take back: disabled', async () => {
    expect(ed.can('undo')).toBe(false);
    ed.document.getState().change('Rename', (d) => ({ ...d, title: 'Changed' }));
    await ed.run('undo');
    expect(ed.doc.title).toBe(exampleDocument().title);
  });

  test('redo', 'puts back what Undo took', async () => {
    ed.document.getState().change('Rename', (d) => ({ ...d, title: 'Changed' }));
    expect(ed.can('redo')).toBe(false);
    await ed.run('undo');
    await ed.run('redo');
    expect(ed.doc.title).toBe('Changed');
  });

  test('copy', 'needs a selection; copies the selected boxes', async () => {
    expect(ed.can('copy')).toBe(false);
    const id = ed.doc.nodes[1]!.id;
    ed.select([id]);
    await ed.run('copy');
    expect(clipboard.hasContent()).toBe(true);
    expect(JSON.stringify(clipboard.get())).toContain(`"id":"${id}"`);
  });

  test('paste', 'adds a copy with new ids', async () => {
    const first = ed.doc.nodes[1]!;
    ed.select([first.id]);
    await ed.run('copy');
    const before = ids();
    expect(await ed.run('paste')).toBe(true);
    const added = ed.doc.nodes.filter((n) => !before.includes(n.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: first.kind });
  });

  test('duplicate', 'copies and pastes the selection in one go', async () => {
    expect(ed.can('duplicate')).toBe(false);
    const n = ed.doc.nodes.length;
    ed.select([ed.doc.nodes[1]!.id]);
    await ed.run('duplicate');
    expect(ed.doc.nodes).toHaveLength(n + 1);
  });

  test('delete', 'removes the selected box and its connections', async () => {
    expect(ed.can('delete')).toBe(false);
    const victim = ed.doc.nodes[1]!.id;
    ed.select([victim]);
    await ed.run('delete');
    expect(ids()).not.toContain(victim);
    expect(ed.doc.edges.some((e) => e.source === victim || e.target === victim)).toBe(false);
  });

  test('select-all', 'selects every box and connection', async () => {
    await ed.run('select-all');
    expect(ed.selection.getState().nodeIds).toEqual(ids());
    expect(ed.selection.getState().edgeIds).toEqual(ed.doc.edges.map((e) => e.id));
    await ed.run('new');
    expect(ed.can('select-all')).toBe(false);
  });

  test('rename', 'starts renaming the one selected box', async () => {
    expect(ed.can('rename')).toBe(false);
    const id = ed.doc.nodes[0]!.id;
    ed.select([id]);
    await ed.run('rename');
    expect(ed.ui.getState().renaming).toBe(id);
  });
});

describe('view', () => {
  test('fit-view', 'fits the canvas to the diagram', async () => {
    await ed.run('fit-view');
    expect(ed.serviceCalls).toEqual(['fitView']);
  });
  test('zoom-in', 'zooms the canvas in', async () => {
    await ed.run('zoom-in');
    expect(ed.serviceCalls).toEqual(['zoomIn']);
  });
  test('zoom-out', 'zooms the canvas out', async () => {
    await ed.run('zoom-out');
    expect(ed.serviceCalls).toEqual(['zoomOut']);
  });

  test('auto-layout', 'moves the boxes in one undo step', async () => {
    const before = ed.doc.nodes.map((n) => n.position);
    await ed.run('auto-layout');
    expect(ed.doc.nodes.map((n) => n.position)).not.toEqual(before);
    expect(ed.document.getState().history.past.length).toBe(1);
  });

  test('snap-to-grid', 'toggles snapping, and the menu tick follows', async () => {
    const on = ed.ui.getState().snapToGrid;
    await ed.run('snap-to-grid');
    expect(ed.ui.getState().snapToGrid).toBe(!on);
    expect(ed.action('snap-to-grid').checked?.()).toBe(!on);
  });

  test('minimap', 'toggles the minimap', async () => {
    const on = ed.ui.getState().minimap;
    await ed.run('minimap');
    expect(ed.ui.getState().minimap).toBe(!on);
  });

  test('bottom-panel', 'opens and closes the bottom panel', async () => {
    const open = ed.ui.getState().bottomPanelOpen;
    await ed.run('bottom-panel');
    expect(ed.ui.getState().bottomPanelOpen).toBe(!open);
  });

  test('show-hint', 'shows the hint', async () => {
    ed.ui.getState().setHintVisible(false);
    await ed.run('show-hint');
    expect(ed.ui.getState().hintVisible).toBe(true);
  });
});

describe('run', () => {
  const status = () => ed.simulation.getState().status;
  const asked = () => ed.live.map((c) => c.method);

  test('play-pause', 'starts the run on the diagram, then pauses it', async () => {
    await ed.run('play-pause');
    expect(status()).toBe('playing');
    expect(ed.live[0]).toMatchObject({ method: 'start' });
    expect(ed.live[0]!.args[0]).toBe(ed.doc);
    await ed.run('play-pause');
    expect(status()).toBe('paused');
    expect(asked()).toContain('pause');
  });

  test('step-simulation', 'starts paused and steps', async () => {
    await ed.run('step-simulation');
    expect(status()).toBe('paused');
    expect(asked()).toEqual(['start', 'step']);
  });

  test('reset-simulation', 'stops the run; nothing to reset when idle', async () => {
    expect(ed.can('reset-simulation')).toBe(false);
    await ed.run('play-pause');
    await ed.run('reset-simulation');
    expect(status()).toBe('idle');
    expect(asked()).toContain('stop');
  });

  test('run-fast', 'runs a minute of traffic at full speed', async () => {
    await ed.run('run-fast');
    expect(asked()).toEqual(['start', 'runFast']);
    expect(ed.live[1]!.args[0]).toBe(60_000);
    // The stand-in finishes at once: the run is paused where the fast run ended.
    await expect.poll(status).toBe('paused');
    ed.simulation.setState({ status: 'fast' });
    expect(ed.can('run-fast')).toBe(false);
  });

  test('speed-up', 'plays faster, one speed at a time', async () => {
    await ed.run('speed-up');
    expect(ed.simulation.getState().speed).toBe(2);
  });

  test('speed-down', 'plays slower, one speed at a time', async () => {
    await ed.run('speed-down');
    expect(ed.simulation.getState().speed).toBe(0.5);
  });

  test('chaos-crash', 'crashes the one selected box (starting the run)', async () => {
    expect(ed.can('chaos-crash')).toBe(false);
    const id = ed.doc.nodes.find((n) => n.kind === 'app')!.id;
    ed.select([id]);
    await ed.run('chaos-crash');
    expect(ed.live.at(-1)).toEqual({ method: 'inject', args: [{ type: 'crash', node: id }] });
  });

  test('chaos-restart', 'restarts the selected box once it is down', async () => {
    const id = ed.doc.nodes.find((n) => n.kind === 'app')!.id;
    ed.select([id]);
    expect(ed.can('chaos-restart')).toBe(false);
    await ed.run('play-pause');
    ed.simulation.setState({ nodes: { [id]: { replicas: 1, replicasUp: 0 } as never } });
    await ed.run('chaos-restart');
    expect(ed.live.at(-1)).toMatchObject({ method: 'inject', args: [{ node: id }] });
  });

  test('chaos-cut', 'cuts the one selected link', async () => {
    expect(ed.can('chaos-cut')).toBe(false);
    const edge = ed.doc.edges[0]!.id;
    ed.select([], [edge]);
    await ed.run('chaos-cut');
    expect(ed.live.at(-1)).toMatchObject({ method: 'inject', args: [{ edge }] });
  });

  test('chaos-restore', 'restores the selected link once it is cut', async () => {
    const edge = ed.doc.edges[0]!.id;
    ed.select([], [edge]);
    expect(ed.can('chaos-restore')).toBe(false);
    await ed.run('play-pause');
    ed.simulation.setState({ cutEdges: { [edge]: true } as never });
    await ed.run('chaos-restore');
    expect(ed.live.at(-1)).toMatchObject({ method: 'inject', args: [{ edge }] });
  });
});

function tinyStory(): Scenario {
  const node = (id: string, kind: string) => ({
    id,
    kind,
    label: id,
    position: { x: 0, y: 0 },
    config: {},
  });
  const loaded = loadScenario(
    {
      id: 'tiny',
      title: 'Tiny',
      summary: 'Two steps.',
      steps: [
        {
          title: 'One',
          narrative: 'One server.',
          document: {
            version: 1,
            title: 'Tiny',
            nodes: [node('users', 'client'), node('app', 'app')],
            edges: [{ id: 'e1', source: 'users', target: 'app' }],
          },
        },
        {
          title: 'Two',
          narrative: 'Add a database.',
          change: {
            add: { nodes: [node('db', 'db')], edges: [{ id: 'e2', source: 'app', target: 'db' }] },
          },
        },
      ],
    },
    'tiny',
  );
  if (!loaded.ok) throw new Error('fixture invalid');
  return loaded.scenario;
}

describe('story', () => {
  const story = () => useStoryStore.getState();
  const open = () => {
    story().setCatalog([tinyStory()], []);
    story().start('tiny', 0);
  };

  test('story-next', 'goes to the next step', async () => {
    expect(ed.can('story-next')).toBe(false);
    open();
    await ed.run('story-next');
    expect(story().step).toBe(1);
    expect(ids()).toEqual(['users', 'app', 'db']);
  });

  test('story-previous', 'goes back a step', async () => {
    open();
    expect(ed.can('story-previous')).toBe(false);
    await ed.run('story-next');
    await ed.run('story-previous');
    expect(story().step).toBe(0);
  });

  test('story-try', 'unlocks the step’s diagram', async () => {
    open();
    expect(ed.document.getState().locked).toBe(true);
    await ed.run('story-try');
    expect(ed.document.getState().locked).toBe(false);
    expect(ed.can('story-try')).toBe(false);
  });

  test('story-reset', 'puts the step’s diagram back', async () => {
    open();
    await ed.run('story-try');
    ed.document.getState().change('Delete', (d) => ({ ...d, nodes: d.nodes.slice(0, 1) }));
    await ed.run('story-reset');
    expect(ids()).toEqual(['users', 'app']);
  });

  test('story-presenter', 'turns presenter mode on and off', async () => {
    expect(ed.can('story-presenter')).toBe(false);
    open();
    await ed.run('story-presenter');
    expect(story().presenter).toBe(true);
    await ed.run('story-presenter');
    expect(story().presenter).toBe(false);
  });

  test('story-presenter-leave', 'leaves presenter mode', async () => {
    open();
    expect(ed.can('story-presenter-leave')).toBe(false);
    story().setPresenter(true);
    await ed.run('story-presenter-leave');
    expect(story().presenter).toBe(false);
  });

  test('story-leave', 'closes the story and gives the learner’s diagram back', async () => {
    const own = ed.doc;
    open();
    await ed.run('story-leave');
    expect(story().scenario).toBe(null);
    expect(ed.doc).toBe(own);
  });
});

function tinyChallenge(): Challenge {
  const json = JSON.parse(
    readFileSync(`${process.cwd()}/src/story/challenge/fixtures/tiny.json`, 'utf8'),
  );
  const loaded = loadChallenge(json, 'tiny');
  if (!loaded.ok) throw new Error('fixture');
  return loaded.challenge;
}

describe('challenge', () => {
  const ch = () => useChallengeStore.getState();
  const open = () => {
    setGrader((challenge, design, onProgress) => {
      onProgress({ doneMs: 0, totalMs: 1 });
      return {
        promise: Promise.resolve({ ok: true, grade: gradeDesign(challenge, design) }),
        cancel() {},
      };
    });
    useChallengeStore.setState({ catalog: [tinyChallenge()] });
    expect(ch().start('tiny')).toBe(true);
  };
  afterAll(() => useChallengeStore.setState({ catalog: [] }));

  test('challenge-check', 'grades the design', async () => {
    expect(ed.can('challenge-check')).toBe(false);
    open();
    await ed.run('challenge-check');
    await expect.poll(() => ch().grade?.status).toBe('graded');
  });

  test('challenge-replay', 'replays the graded run', async () => {
    open();
    expect(ed.can('challenge-replay')).toBe(false);
    await ed.run('challenge-check');
    await expect.poll(() => ed.can('challenge-replay')).toBe(true);
    await ed.run('challenge-replay');
    expect(ed.live.map((c) => c.method)).toContain('start');
  });

  test('challenge-hint', 'shows the next hint', async () => {
    open();
    const shown = ch().hints;
    await ed.run('challenge-hint');
    expect(ch().hints).toBe(shown + 1);
  });

  test('challenge-start-over', 'puts the challenge’s starting design back', async () => {
    open();
    const start = ids();
    ed.document.getState().change('Delete', (d) => ({ ...d, nodes: [] }));
    await ed.run('challenge-start-over');
    expect(ids()).toEqual(start);
  });

  test('challenge-leave', 'leaves the challenge and gives the learner’s diagram back', async () => {
    expect(ed.can('challenge-leave')).toBe(false);
    const own = ed.doc;
    open();
    await ed.run('challenge-leave');
    expect(ch().challenge).toBe(null);
    expect(ed.doc).toBe(own);
  });
});

describe('the registry', () => {
  it('every action has a test here', () => {
    expect(ACTIONS.map((a) => a.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('each editor has its own stores, and the app’s come back', () => {
    const a = ed;
    const b = new TestEditor({ ...exampleDocument(), title: 'B' });
    expect(b.document).not.toBe(a.document);
    expect(b.doc.title).toBe('B');
    b.dispose();
    expect(a.doc.title).toBe(exampleDocument().title);
  });
});
