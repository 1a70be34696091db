import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  createThrottle,
  MESSAGE_SOURCE,
  parseCommand,
  postTargets,
} from './protocol.ts';

describe('embed commands', () => {
  it('recognises each command', () => {
    for (const type of ['play', 'pause', 'step', 'reset', 'nextStep', 'previousStep']) {
      expect(parseCommand({ source: MESSAGE_SOURCE, type })).toEqual({
        ok: true,
        command: { type },
      });
    }
    expect(parseCommand({ source: MESSAGE_SOURCE, type: 'goToStep', step: 3 })).toEqual({
      ok: true,
      command: { type: 'goToStep', step: 3 },
    });
  });

  it('ignores other widgets’ messages silently', () => {
    for (const data of [null, 'play', { type: 'play' }, { source: 'youtube', type: 'play' }, [1]]) {
      expect(parseCommand(data)).toEqual({ ok: false, foreign: true });
    }
  });

  it('explains our own malformed commands', () => {
    const bad = parseCommand({ source: MESSAGE_SOURCE, type: 'goToStep', step: 0 });
    expect(bad).toMatchObject({ ok: false, foreign: false });
    const unknown = parseCommand({ source: MESSAGE_SOURCE, type: 'explode' });
    expect(unknown.ok === false && !unknown.foreign && unknown.reason).toMatch(
      /unknown command "explode"/,
    );
  });
});

describe('origins', () => {
  it('uses the origin= parameter when given', () => {
    expect(allowedOrigins(['https://a.org', 'https://a.org'], ['https://b.org'], '')).toEqual([
      'https://a.org',
    ]);
  });

  it('falls back to the parent page: ancestorOrigins, then the referrer', () => {
    expect(allowedOrigins([], ['https://course.org'], 'https://other.org/x')).toEqual([
      'https://course.org',
    ]);
    expect(allowedOrigins([], [], 'https://course.org/unit/3?x=1')).toEqual(['https://course.org']);
  });

  it('trusts nobody when nothing is known', () => {
    expect(allowedOrigins([], [], '')).toEqual([]);
    expect(allowedOrigins([], ['null'], 'about:blank')).toEqual([]);
  });

  it('posts to the parent’s exact origin, never to *', () => {
    expect(postTargets(['https://a.org', 'https://b.org'], 'https://b.org')).toEqual([
      'https://b.org',
    ]);
    expect(postTargets(['https://a.org', 'https://b.org'], null)).toEqual([
      'https://a.org',
      'https://b.org',
    ]);
    expect(postTargets([], 'https://evil.org')).toEqual([]);
  });
});

describe('metrics throttle', () => {
  it('lets one message through per interval', () => {
    let t = 0;
    const throttle = createThrottle(1000, () => t);
    expect(throttle.ready()).toBe(true);
    t = 400;
    expect(throttle.ready()).toBe(false);
    expect(throttle.wait()).toBe(600);
    t = 1000;
    expect(throttle.ready()).toBe(true);
  });
});
