import { describe, expect, it } from 'vitest';
import { parseDecimal } from './parse.ts';

describe('numbers typed into a settings field', () => {
  it('takes what people write', () => {
    expect(parseDecimal('250')).toBe(250);
    expect(parseDecimal(' 0.5 ')).toBe(0.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('1e3')).toBe(1000);
  });

  it('refuses what Number() would quietly guess at', () => {
    for (const text of ['', ' ', '0x10', '0b11', 'Infinity', '1,000', '12abc', 'NaN', '1.2.3']) {
      expect(parseDecimal(text), text).toBeNull();
    }
  });
});
