import { describe, expect, it } from 'vitest';
import { labelFits, labelRoom } from './labelFit.ts';

describe('a big diagram box name without its clip', () => {
  it('has the room canvas.css gives it: less for a client, more far out without the icon', () => {
    expect(labelRoom('app', false)).toBe(120);
    expect(labelRoom('client', false)).toBe(118);
    expect(labelRoom('app', true)).toBe(156);
  });

  it('keeps the clip (and its ellipsis) when nothing can measure the text', () => {
    // No DOM here: every name keeps the look it always had.
    expect(labelFits('app1', 'app', false)).toBe(false);
  });
});
