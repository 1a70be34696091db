// Every keyboard shortcut, generated from the actions registry.

import { ACTIONS } from '../../state/actions/index.ts';
import { formatCombo, isMacPlatform } from '../../state/actions/keys.ts';
import { MENUS } from '../../state/actions/menus.ts';
import { Dialog } from './Dialog.tsx';
import './dialogs.css';

const CANVAS_GESTURES: [string, string][] = [
  ['Double-click a box', 'Rename it'],
  ['Double-click a connection', 'Edit its label'],
  ['Shift + click', 'Add to the selection'],
  ['Shift + drag', 'Select with a box'],
  ['Arrow keys', 'Nudge the selected box'],
  ['Drag the background', 'Pan'],
  ['Scroll / pinch', 'Zoom'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const mac = isMacPlatform();
  const menuLabel = (id?: string) => MENUS.find((m) => m.id === id)?.label ?? 'Other';
  const withKeys = ACTIONS.filter((a) => a.keys?.length);
  // In menu-bar order (File, Edit, View, Run, Story, Help), keys without a menu last.
  const rank = (label: string) => {
    const i = MENUS.findIndex((m) => m.label === label);
    return i < 0 ? MENUS.length : i;
  };
  const groups = [...new Set(withKeys.map((a) => menuLabel(a.menu)))].sort(
    (a, b) => rank(a) - rank(b),
  );
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="bp-shortcuts">
        {groups.map((g) => (
          <section key={g}>
            <h3>{g}</h3>
            <dl>
              {withKeys
                .filter((a) => menuLabel(a.menu) === g)
                .map((a) => (
                  <div key={a.id} className="bp-shortcuts__row">
                    <dt>{a.label}</dt>
                    <dd>
                      {a.keys!.map((k) => (
                        <kbd key={k}>{formatCombo(k, mac)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
        <section>
          <h3>Canvas</h3>
          <dl>
            {CANVAS_GESTURES.map(([k, v]) => (
              <div key={k} className="bp-shortcuts__row">
                <dt>{v}</dt>
                <dd>{k}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
