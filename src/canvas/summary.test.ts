import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/kinds.ts';
import { formatNumber, summaryText } from './summary.ts';

describe('box summaries', () => {
  it('show the summary values with units', () => {
    expect(summaryText('app', defaultConfig('app'))).toBe('4 workers · 20 ms');
    expect(summaryText('group', defaultConfig('group'))).toBe('4 CPU cores');
    expect(summaryText('lb', { strategy: 'p2c' })).toBe('Power of two choices');
    expect(summaryText('proxy', { tls: false, maxConnections: 50 })).toBe(
      'no terminate TLS · 50 max connections',
    );
  });

  it('fall back to defaults for missing or broken values', () => {
    expect(summaryText('app', { concurrency: Number.NaN })).toBe('4 workers · 20 ms');
  });

  it('shorten big numbers', () => {
    expect(formatNumber(10_000)).toBe('10k');
    expect(formatNumber(1_500_000)).toBe('1.5M');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(9999)).toBe('9999');
  });
});
