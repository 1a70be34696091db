// The top bar's menus, built from the actions registry: each action with a `menu` appears
// in that menu with its shortcut; disabled when its predicate says so.

import { Fragment, useEffect, useRef, useState } from 'react';
import { formatCombo, isMacPlatform } from '../state/actions/keys.ts';
import { MENUS } from '../state/actions/menus.ts';
import { isEnabled, menuSections, runAction } from '../state/actions/run.ts';
import { useDocumentStore } from '../state/documentStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { useUiStore } from '../state/uiStore.ts';

export function MenuBar() {
  const [open, setOpen] = useState<string | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  // Where focus was before a menu opened: a command hands it back there, so the keys the
  // user was using (Space to play, arrows to nudge) keep working instead of reopening the menu.
  const returnTo = useRef<HTMLElement | null>(null);
  /** `previous`: what had focus before the menu bar (null: nothing, so the page). */
  const remember = (previous: EventTarget | null) => {
    if (previous instanceof Node && bar.current?.contains(previous)) return; // within the bar
    returnTo.current = previous instanceof HTMLElement ? previous : null;
  };
  const afterCommand = () => {
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected && target !== document.body) target.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
  };
  useEffect(() => {
    if (!open) return;
    const close = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);
  return (
    <div className="bp-menubar" ref={bar}>
      {MENUS.map((m) => (
        <Menu
          key={m.id}
          id={m.id}
          label={m.label}
          open={open === m.id}
          onOpen={() => setOpen(m.id)}
          onClose={() => setOpen(null)}
          onRemember={remember}
          onCommand={afterCommand}
          onHover={() => open && open !== m.id && setOpen(m.id)}
        />
      ))}
    </div>
  );
}

function Menu(props: {
  id: string;
  label: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onHover: () => void;
  onRemember: (previous: EventTarget | null) => void;
  onCommand: () => void;
}) {
  const { id, label, open, onOpen, onClose, onHover, onRemember, onCommand } = props;
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Re-render when enablement may have changed.
  useDocumentStore((s) => s.history);
  useSelectionStore((s) => s.nodeIds);
  useUiStore((s) => `${s.minimap}${s.snapToGrid}${s.bottomPanelOpen}`);
  const mac = isMacPlatform();
  useEffect(() => {
    if (open)
      list.current
        ?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')
        ?.focus();
  }, [open]);
  const items = () => [
    ...(list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []),
  ];
  const move = (delta: number) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + delta + all.length) % all.length]?.focus();
  };
  const close = () => {
    onClose();
    button.current?.focus();
  };
  return (
    <div className="bp-menu">
      <button
        ref={button}
        type="button"
        className={`bp-menu__button${open ? ' is-open' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`menu-${id}`}
        id={`menu-button-${id}`}
        // A click arrives before the button takes focus; Tab brings focus from relatedTarget.
        onPointerDown={() => onRemember(document.activeElement)}
        onFocus={(e) => onRemember(e.relatedTarget)}
        onClick={() => (open ? onClose() : onOpen())}
        onPointerEnter={onHover}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            onOpen();
          }
        }}
      >
        {label}
      </button>
      {open ? (
        <div
          ref={list}
          className="bp-menu__list"
          role="menu"
          id={`menu-${id}`}
          aria-labelledby={`menu-button-${id}`}
          tabIndex={-1}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') move(1);
            else if (e.key === 'ArrowUp') move(-1);
            else if (e.key === 'Escape') close();
            else if (e.key === 'Tab') onClose();
            else return;
            e.preventDefault();
            e.stopPropagation();
          }}
        >
          {menuSections(id).map((section, si) => (
            <Fragment key={section[0]!.id}>
              {si > 0 ? <hr className="bp-menu__sep" /> : null}
              {section.map((a) => {
                const enabled = isEnabled(a, { source: 'menu' });
                const checked = a.checked?.();
                return (
                  <button
                    key={a.id}
                    type="button"
                    role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                    {...(checked === undefined ? {} : { 'aria-checked': checked })}
                    aria-disabled={!enabled}
                    title={a.description}
                    className="bp-menu__item"
                    data-action={a.id}
                    tabIndex={-1}
                    onClick={() => {
                      if (!enabled) return;
                      onClose();
                      onCommand();
                      runAction(a, 'menu');
                    }}
                  >
                    <span className="bp-menu__check" aria-hidden="true">
                      {checked ? '✓' : ''}
                    </span>
                    <span className="bp-menu__label">{a.label}</span>
                    {a.keys?.[0] ? (
                      <kbd className="bp-menu__keys">{formatCombo(a.keys[0], mac)}</kbd>
                    ) : null}
                  </button>
                );
              })}
            </Fragment>
          ))}
        </div>
      ) : null}
    </div>
  );
}
