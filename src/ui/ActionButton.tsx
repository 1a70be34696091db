// A toolbar icon button bound to an action from the registry: same label, same shortcut,
// same enablement as the menu item.

import { formatCombo, isMacPlatform } from '../state/actions/keys.ts';
import { findAction, isEnabled, runAction } from '../state/actions/run.ts';
import { useDocumentStore } from '../state/documentStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';

const ICONS: Record<string, string> = {
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'm15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  layout: 'M3 4h6v5H3zM15 4h6v5h-6zM9 15h6v5H9zM6 9v3h12V9M12 12v3',
  fit: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9.2a2.6 2.6 0 0 1 5 .8c0 1.7-2.5 2.3-2.5 4M12 17.3v.2',
};

export function ActionButton({ id, icon }: { id: string; icon: keyof typeof ICONS }) {
  useDocumentStore((s) => s.history);
  useSelectionStore((s) => s.nodeIds);
  const action = findAction(id);
  if (!action) return null;
  const enabled = isEnabled(action, { source: 'toolbar' });
  const keys = action.keys?.[0] ? ` (${formatCombo(action.keys[0], isMacPlatform())})` : '';
  return (
    <button
      type="button"
      className="bp-iconbtn"
      aria-label={action.label}
      title={`${action.label}${keys}: ${action.description}`}
      disabled={!enabled}
      onClick={() => runAction(action, 'toolbar')}
    >
      <svg
        width="18"
        height="18"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d={ICONS[icon]} />
      </svg>
    </button>
  );
}
