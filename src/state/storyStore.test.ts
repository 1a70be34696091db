import { beforeEach, describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { loadScenario, type Scenario } from '../story/player.ts';
import { useDocumentStore } from './documentStore.ts';
import { useStoryStore } from './storyStore.ts';

function scenario(): Scenario {
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
          notice: { nodes: ['app'] },
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

describe('story store', () => {
  beforeEach(() => {
    useStoryStore.getState().leave();
    useDocumentStore.getState().resetDocument(exampleDocument());
    useStoryStore.getState().setCatalog([scenario()], []);
  });

  it('loads each step read-only, marks the new and the noticed boxes, and stays in bounds', () => {
    expect(useStoryStore.getState().start('tiny', 0)).toBe(true);
    const docs = () => useDocumentStore.getState();
    expect(docs().doc.title).toBe('Tiny');
    expect(docs().locked).toBe(true);
    expect(useStoryStore.getState().marks).toEqual({ app: 'notice' });
    useStoryStore.getState().next();
    expect(docs().doc.nodes.map((n) => n.id)).toEqual(['users', 'app', 'db']);
    expect(useStoryStore.getState().marks).toEqual({ db: 'new' });
    useStoryStore.getState().next();
    expect(useStoryStore.getState().step).toBe(1);
    useStoryStore.getState().goTo(-3);
    expect(useStoryStore.getState().step).toBe(0);
  });

  it('refuses edits until “Try it yourself”; Reset step restores the step', () => {
    useStoryStore.getState().start('tiny', 0);
    const remove = () =>
      useDocumentStore.getState().change('Delete', (d) => ({ ...d, nodes: d.nodes.slice(0, 1) }));
    remove();
    expect(useDocumentStore.getState().doc.nodes).toHaveLength(2);
    useStoryStore.getState().tryIt();
    remove();
    expect(useDocumentStore.getState().doc.nodes).toHaveLength(1);
    useStoryStore.getState().resetStep();
    expect(useDocumentStore.getState().doc.nodes).toHaveLength(2);
    expect(useDocumentStore.getState().locked).toBe(true);
  });

  it('gives the learner’s own diagram and undo history back on leaving', () => {
    useDocumentStore.getState().change('Rename diagram', (d) => ({ ...d, title: 'Mine' }));
    const before = useDocumentStore.getState().history;
    useStoryStore.getState().start('tiny', 1);
    useStoryStore.getState().leave();
    expect(useDocumentStore.getState().doc.title).toBe('Mine');
    expect(useDocumentStore.getState().history).toBe(before);
    expect(useDocumentStore.getState().locked).toBe(false);
    useDocumentStore.getState().undo();
    expect(useDocumentStore.getState().doc.title).toBe('My first backend');
  });

  it('ends the story when a whole document comes in, keeping it over the learner’s history', () => {
    useStoryStore.getState().start('tiny', 0);
    useDocumentStore
      .getState()
      .replaceDocument({ ...exampleDocument(), title: 'Opened' }, 'Open x');
    expect(useStoryStore.getState().scenario).toBeNull();
    expect(useDocumentStore.getState().doc.title).toBe('Opened');
    expect(useDocumentStore.getState().locked).toBe(false);
    useDocumentStore.getState().undo();
    expect(useDocumentStore.getState().doc.title).toBe('My first backend');
  });

  it('says no to an unknown story', () => {
    expect(useStoryStore.getState().start('nope')).toBe(false);
    expect(useStoryStore.getState().scenario).toBeNull();
  });
});
