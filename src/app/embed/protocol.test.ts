import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  createThrottle,
  MESSAGE_SOURCE,
  parseCommand,
  pastTheEnd,
  postTargets,
  storyCommandWarning,
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

describe('story commands that cannot do exactly what they ask', () => {
  const story = { step: 2, steps: 9, name: 'System 3' };

  it('names the clamp of a step past the end', () => {
    expect(storyCommandWarning({ type: 'goToStep', step: 99 }, story)).toBe(
      'goToStep 99 is past the end: System 3 has 9 steps; showing step 9',
    );
    expect(pastTheEnd('step 4', 'Tiny', 1)).toBe(
      'step 4 is past the end: Tiny has 1 step; showing step 1',
    );
  });

  it('says when next or previous has nowhere to go', () => {
    expect(storyCommandWarning({ type: 'nextStep' }, { ...story, step: 9 })).toMatch(
      /already at the last step \(9 of 9\)/,
    );
    expect(storyCommandWarning({ type: 'previousStep' }, { ...story, step: 1 })).toMatch(
      /already at the first step/,
    );
  });

  it('stays quiet when the command does what it says', () => {
    for (const command of [
      { type: 'goToStep', step: 9 },
      { type: 'nextStep' },
      { type: 'previousStep' },
      { type: 'play' },
    ] as const) {
      expect(storyCommandWarning(command, story)).toBeNull();
    }
  });
});

describe('challenge commands', () => {
  it('recognises check and loadChallenge, and explains a loadChallenge without a challenge', () => {
    expect(parseCommand({ source: MESSAGE_SOURCE, type: 'check' })).toEqual({
      ok: true,
      command: { type: 'check' },
    });
    const challenge = { id: 'mine' };
    expect(parseCommand({ source: MESSAGE_SOURCE, type: 'loadChallenge', challenge })).toEqual({
      ok: true,
      command: { type: 'loadChallenge', challenge },
    });
    const bad = parseCommand({ source: MESSAGE_SOURCE, type: 'loadChallenge', challenge: 'x' });
    expect(bad.ok === false && !bad.foreign && bad.reason).toMatch(/needs `challenge`/);
  });
});
