import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../../model/example.ts';
import {
  challengeDesignHash,
  decodeChallengeDesign,
  formatChallengeHash,
  parseChallengeHash,
} from './links.ts';

describe('challenge links', () => {
  it('name a challenge, and may carry the learner’s design', () => {
    expect(formatChallengeHash('one-server')).toBe('#/challenge/one-server');
    expect(parseChallengeHash('#/challenge/one-server')).toEqual({
      id: 'one-server',
      design: null,
    });
    const doc = exampleDocument();
    const link = challengeDesignHash('one-server', doc);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.fragment).toMatch(/^#\/challenge\/one-server\/v1\./);
    const parsed = parseChallengeHash(link.fragment)!;
    expect(parsed.id).toBe('one-server');
    const decoded = decodeChallengeDesign(parsed.design!);
    expect(decoded.ok && decoded.doc).toEqual(doc);
  });

  it('are not other links', () => {
    expect(parseChallengeHash('#/story/system-1/2')).toBeNull();
    expect(parseChallengeHash('#/challenge/Bad Id')).toBeNull();
    const bad = decodeChallengeDesign('v1.not-lz-data');
    expect(bad.ok).toBe(false);
  });
});
