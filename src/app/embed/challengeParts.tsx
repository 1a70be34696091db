// What only a challenge embed shows besides its panel: the palette, the inspector and the
// editor's keys (Delete, Undo, Mod+Enter). EmbedApp.tsx loads them with the challenge, so
// an embed of a diagram or a story never fetches them.

import { useKeyboardShortcuts } from '../../ui/useKeyboardShortcuts.ts';

export { Inspector } from '../../ui/inspector/Inspector.tsx';
export { Palette } from '../../ui/Palette.tsx';

/** A challenge embed is for designing: the editor's keys work there. */
export function ChallengeShortcuts() {
  useKeyboardShortcuts();
  return null;
}
