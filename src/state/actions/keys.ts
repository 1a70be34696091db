// Key combos as text ('Shift+Mod+Z') matched against keyboard events, and shown to people
// in the platform's own notation (⇧⌘Z on a Mac, Ctrl+Shift+Z elsewhere).

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Combo {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

export function parseCombo(text: string): Combo {
  const parts = text.split('+');
  // 'Mod++' would mean the plus key; the last part is always the key.
  const key = text.endsWith('++') ? '+' : parts[parts.length - 1]!;
  const mods = new Set(parts.slice(0, -1).map((p) => p.toLowerCase()));
  return { key, mod: mods.has('mod'), shift: mods.has('shift'), alt: mods.has('alt') };
}

const isSymbol = (key: string) => key.length === 1 && !/[a-z0-9]/i.test(key);

export function matchesCombo(event: KeyEventLike, text: string): boolean {
  const combo = parseCombo(text);
  const mod = event.ctrlKey || event.metaKey;
  if (mod !== combo.mod || event.altKey !== combo.alt) return false;
  // Symbols such as '?' need Shift on most layouts; the character itself is what counts.
  if (!isSymbol(combo.key) && event.shiftKey !== combo.shift) return false;
  // 'Space' names the space bar, whose event.key is ' '.
  const key = combo.key === 'Space' ? ' ' : combo.key;
  return event.key.toLowerCase() === key.toLowerCase();
}

const NAMES: Record<string, string> = {
  Delete: 'Del',
  Backspace: '⌫',
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageUp: 'PgUp',
  PageDown: 'PgDn',
};

export function formatCombo(text: string, mac: boolean): string {
  const c = parseCombo(text);
  const key = NAMES[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  if (mac) return `${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${c.mod ? '⌘' : ''}${key}`;
  return [c.mod ? 'Ctrl' : '', c.shift ? 'Shift' : '', c.alt ? 'Alt' : '', key]
    .filter(Boolean)
    .join('+');
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
