// The single keyboard dispatcher: a key press runs the action bound to it in the registry,
// except while the user is typing in a field (Backspace there deletes text, not boxes).

import { useEffect } from 'react';
import { actionForKey, isEnabled } from '../state/actions/run.ts';
import { useUiStore } from '../state/uiStore.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(
    type,
  );
}

/** Space and Enter on a focused button (palette item, menu item, switch) press the button. */
function pressesControl(e: KeyboardEvent): boolean {
  if (e.key !== ' ' && e.key !== 'Enter') return false;
  const t = e.target;
  return (
    t instanceof HTMLElement &&
    (t.tagName === 'BUTTON' || t.tagName === 'A' || t.getAttribute('role') !== null)
  );
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (useUiStore.getState().dialog) return; // the open dialog owns the keyboard
      const action = actionForKey(e);
      if (!action) return;
      if (isTyping(e.target) && !action.whileTyping) return;
      if (pressesControl(e)) return;
      // Menus and buttons handle Enter/Space themselves; shortcuts still work from them.
      const ctx = { source: 'keyboard' as const };
      // A disabled command leaves the key alone (arrows still scroll, Mod+C still copies text).
      if (!isEnabled(action, ctx)) return;
      e.preventDefault();
      void action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
