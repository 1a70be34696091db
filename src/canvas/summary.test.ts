import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/kinds.ts';
import { formatNumber, summaryText } from './summary.ts';

describe('box summaries', () => {
  it('show the summary values with units', () => {
    expect(summaryText('app', defaultConfig('app'))).toBe('4 workers · 20 ms');
    expect(summaryText('group', defaultConfig('group'))).toBe('4 CPU cores');
    expect(summaryText('lb', { strategy: 'p2c' })).toBe('Power of two choices');
    expect(summaryText('proxy', { tls: false, maxConnections: 50 })).toBe(
      'no TLS · 50 max connections',
    );
  });

  it('read as a person would say them: singulars, seconds, percentages, schedules', () => {
    expect(summaryText('app', { concurrency: 1, serviceTimeMs: 50 })).toBe('1 worker · 50 ms');
    expect(summaryText('cache', { capacity: 1000, ttlMs: 60_000 })).toBe('1000 entries · 1 min');
    expect(summaryText('cache', { capacity: 1000, ttlMs: 1500 })).toBe('1000 entries · 1.5 s');
    expect(summaryText('external', { latencyMs: 150, errorRate: 0.01 })).toBe(
      '150 ms · 1% error rate',
    );
    expect(summaryText('cron', { everyMs: 10_000 })).toBe('every 10 s');
    expect(summaryText('group', { cores: 1 })).toBe('1 CPU core');
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

describe('a client replaying a log', () => {
  it('says so instead of its own rate', () => {
    expect(
      summaryText('client', {
        pattern: 'replay',
        rps: 50,
        routes: [
          { method: 'GET', path: '/a', weight: 3 },
          { method: 'GET', path: '/b', weight: 1 },
        ],
      }),
    ).toBe('replays a log · 2 paths');
  });
});
