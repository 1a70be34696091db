import { describe, expect, it } from 'vitest';
import { ACTIONS } from './index.ts';
import { formatCombo, matchesCombo } from './keys.ts';

const ev = (
  key: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('key combos', () => {
  it('Mod is Ctrl or ⌘, and Shift must match for letters', () => {
    expect(matchesCombo(ev('z', { ctrl: true }), 'Mod+Z')).toBe(true);
    expect(matchesCombo(ev('z', { meta: true }), 'Mod+Z')).toBe(true);
    expect(matchesCombo(ev('Z', { meta: true, shift: true }), 'Mod+Z')).toBe(false);
    expect(matchesCombo(ev('Z', { meta: true, shift: true }), 'Shift+Mod+Z')).toBe(true);
    expect(matchesCombo(ev('z'), 'Mod+Z')).toBe(false);
  });

  it('symbols match by character whatever Shift does', () => {
    expect(matchesCombo(ev('?', { shift: true }), '?')).toBe(true);
    expect(matchesCombo(ev('?', { ctrl: true }), '?')).toBe(false);
  });

  it('formats for Mac and others', () => {
    expect(formatCombo('Shift+Mod+Z', true)).toBe('⇧⌘Z');
    expect(formatCombo('Shift+Mod+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatCombo('Delete', false)).toBe('Del');
  });

  it('no two actions share a key', () => {
    const seen = new Map<string, string>();
    for (const a of ACTIONS) {
      for (const k of a.keys ?? []) {
        expect(
          seen.get(k.toLowerCase()),
          `${k} is bound to ${seen.get(k.toLowerCase())} and ${a.id}`,
        ).toBeUndefined();
        seen.set(k.toLowerCase(), a.id);
      }
    }
  });

  it('every action has an id, a label and a description', () => {
    const ids = new Set<string>();
    for (const a of ACTIONS) {
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.description.length).toBeGreaterThan(0);
      expect(ids.has(a.id)).toBe(false);
      ids.add(a.id);
    }
  });
});
