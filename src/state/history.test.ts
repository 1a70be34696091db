import { describe, expect, it } from 'vitest';
import { emptyDocument, exampleDocument } from '../model/example.ts';
import { COALESCE_MS, createHistory, HISTORY_LIMIT, record, redo, undo } from './history.ts';

const titled = (title: string) => ({ ...emptyDocument(), title });

describe('history', () => {
  it('undoes and redoes changes in order, with their labels', () => {
    let h = createHistory(titled('a'));
    h = record(h, titled('b'), 'First');
    h = record(h, titled('c'), 'Second');
    expect(h.past.map((e) => e.label)).toEqual(['First', 'Second']);
    h = undo(h);
    expect(h.present.title).toBe('b');
    expect(h.future[0]!.label).toBe('Second');
    h = undo(h);
    expect(h.present.title).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present.title).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('a new change after undo drops the redo branch', () => {
    let h = createHistory(titled('a'));
    h = record(h, titled('b'), 'B');
    h = undo(h);
    h = record(h, titled('x'), 'X');
    expect(h.future).toEqual([]);
    expect(undo(h).present.title).toBe('a');
  });

  it('records nothing for a change that changes nothing', () => {
    const h = createHistory(exampleDocument());
    expect(record(h, h.present, 'Nothing')).toBe(h);
  });

  it('coalesces typing with the same key into one step, but not after a pause', () => {
    let h = createHistory(titled(''));
    h = record(h, titled('S'), 'Title', { coalesce: 'title', now: 1000 });
    h = record(h, titled('Sh'), 'Title', { coalesce: 'title', now: 1100 });
    h = record(h, titled('Shop'), 'Title', { coalesce: 'title', now: 1300 });
    expect(h.past).toHaveLength(1);
    expect(undo(h).present.title).toBe('');
    h = record(h, titled('Shop!'), 'Title', { coalesce: 'title', now: 1300 + COALESCE_MS + 1 });
    expect(h.past).toHaveLength(2);
    h = record(h, titled('Shop!?'), 'Other', { coalesce: 'other', now: 1300 + COALESCE_MS + 2 });
    expect(h.past).toHaveLength(3);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = createHistory(titled('0'));
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, titled(String(i)), 'Step');
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
