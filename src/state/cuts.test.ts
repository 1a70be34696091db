import { describe, expect, it } from 'vitest';
import { foldCuts } from './cuts.ts';

describe('cut connections', () => {
  it('a cut adds the edge, a restore removes it, other events leave it alone', () => {
    const cut = foldCuts({}, [
      { action: { type: 'cut', edge: 'e1' } },
      { action: { type: 'crash', node: 'app' } },
      { action: { type: 'cut', edge: 'e2' } },
    ]);
    expect(cut).toEqual({ e1: true, e2: true });
    expect(foldCuts(cut, [{ action: { type: 'restore', edge: 'e1' } }])).toEqual({ e2: true });
    // Nothing changed: the same object, so React skips a render.
    expect(foldCuts(cut, [{}])).toBe(cut);
  });
});
