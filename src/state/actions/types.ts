// One editor command: what it does, its keys, where it shows in the menus and when it
// applies. The keyboard dispatcher, the menus, toolbar buttons and the shortcuts overlay all
// read the same registry (index.ts), so a command behaves the same wherever it is invoked.

export type ActionSource = 'keyboard' | 'menu' | 'toolbar' | 'palette' | 'canvas';

export interface ActionContext {
  source: ActionSource;
}

export interface Action {
  id: string;
  /** Menu text, e.g. "Undo". */
  label: string;
  /** One sentence for tooltips and the shortcuts overlay. */
  description: string;
  /** Key combos such as 'Mod+Z', 'Shift+Mod+Z', 'Delete', '?'; Mod is Ctrl (⌘ on a Mac). */
  keys?: readonly string[];
  /** Menu id from menus.ts; omit for keyboard-only commands. */
  menu?: string;
  /** Items with different sections are separated by a divider; order within the menu. */
  section?: number;
  order?: number;
  /** Enabled? Omitted means always. */
  predicate?: (ctx: ActionContext) => boolean;
  /** A toggle's current state (View → Minimap ✓). */
  checked?: () => boolean;
  /** Fire even while typing in a text field (only for keys text fields don't use). */
  whileTyping?: boolean;
  perform: (ctx: ActionContext) => void | Promise<void>;
}
