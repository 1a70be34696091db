import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTROLS,
  frameTitle,
  normalizeOrigin,
  parseEmbedParams,
  storyName,
} from './embedOptions.ts';

describe('embed URL parameters', () => {
  it('defaults: read-only, paused, light, every control, the parent as origin', () => {
    const p = parseEmbedParams('?story=system-3', '');
    expect(p).toMatchObject({
      story: { scenarioId: 'system-3', step: 0 },
      docFragment: null,
      readOnly: true,
      autoplay: false,
      theme: 'light',
      origins: [],
      problems: [],
    });
    expect([...p.controls]).toEqual(DEFAULT_CONTROLS);
  });

  it('reads every option', () => {
    const p = parseEmbedParams(
      '?story=system-3&step=2&readonly=0&autoplay=1&theme=dark&controls=play,speed&origin=https://a.org/x,https://b.org:8443',
      '',
    );
    expect(p.story).toEqual({ scenarioId: 'system-3', step: 1 });
    expect(p.readOnly).toBe(false);
    expect(p.autoplay).toBe(true);
    expect(p.theme).toBe('dark');
    expect([...p.controls]).toEqual(['play', 'speed']);
    expect(p.origins).toEqual(['https://a.org', 'https://b.org:8443']);
    expect(p.problems).toEqual([]);
  });

  it('takes a document or the app’s story deep link from the fragment', () => {
    expect(parseEmbedParams('', '#/doc/v1.abc').docFragment).toBe('#/doc/v1.abc');
    expect(parseEmbedParams('', '#/story/system-1/3').story).toEqual({
      scenarioId: 'system-1',
      step: 2,
    });
  });

  it('controls=none hides them all', () => {
    expect(parseEmbedParams('?controls=none', '').controls.size).toBe(0);
  });

  it('names every odd value instead of failing', () => {
    const p = parseEmbedParams(
      '?story=s&step=zero&autoplay=maybe&theme=pink&controls=play,warp&origin=javascript:alert(1)',
      '',
    );
    expect(p.story).toEqual({ scenarioId: 's', step: 0 });
    expect(p.autoplay).toBe(false);
    expect(p.theme).toBe('light');
    expect([...p.controls]).toEqual(['play']);
    expect(p.origins).toEqual([]);
    expect(p.problems).toHaveLength(5);
    // Each says what is used instead.
    expect(p.problems).toContain('step=zero is not a step number (1, 2, 3…); showing step 1');
    expect(p.problems).toContain('autoplay=maybe should be 1 or 0; using 0');
    expect(p.problems).toContain('theme=pink should be light or dark; using light');
    for (const bad of [
      'step=zero',
      'autoplay=maybe',
      'theme=pink',
      '“warp”',
      'origin=javascript',
    ]) {
      expect(p.problems.some((m) => m.includes(bad))).toBe(true);
    }
  });

  it('accepts only web origins', () => {
    expect(normalizeOrigin('https://courses.example.org/unit/3')).toBe(
      'https://courses.example.org',
    );
    expect(normalizeOrigin('file:///x')).toBeNull();
    expect(normalizeOrigin('not a url')).toBeNull();
  });
});

describe('the iframe title', () => {
  it('is short: the story’s name, the step and its title', () => {
    expect(
      frameTitle({
        kind: 'story',
        storyTitle: 'System 3 · A load balancer and many servers',
        step: 2,
        stepTitle: 'One slow server',
      }),
    ).toBe('Backend Playground: System 3, step 2 — One slow server');
    expect(frameTitle({ kind: 'story', storyTitle: 'Solo', step: 1, stepTitle: ' ' })).toBe(
      'Backend Playground: Solo, step 1',
    );
  });

  it('names a diagram by its title', () => {
    expect(frameTitle({ kind: 'doc', title: 'Read-heavy API' })).toBe(
      'Backend Playground: Read-heavy API',
    );
    expect(frameTitle({ kind: 'doc', title: '' })).toBe('Backend Playground: a diagram');
  });

  it('takes a story’s name from before the “·”', () => {
    expect(storyName('The whole journey · One tap of “Buy”')).toBe('The whole journey');
    expect(storyName('No separator')).toBe('No separator');
  });

  it('reads a challenge, by id, from the page, or from the app’s challenge link', () => {
    expect(parseEmbedParams('?challenge=one-server', '').challenge).toBe('one-server');
    expect(parseEmbedParams('?challenge=from-page', '').challenge).toBe('from-page');
    expect(parseEmbedParams('', '#/challenge/slow-email').challenge).toBe('slow-email');
    const bad = parseEmbedParams('?challenge=Not%20an%20id', '');
    expect(bad.challenge).toBeNull();
    expect(bad.problems).toEqual([
      'challenge=Not an id is not a challenge id (lowercase letters, digits, dashes)',
    ]);
  });
});
