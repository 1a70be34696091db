// The palette: every kind of box. Drag one onto the canvas to place it there, or click
// (Enter/Space) to add it at a free spot in view. Hover shows what the box is.

import type { DragEvent } from 'react';
import { Fragment } from 'react';
import { KIND_MIME } from '../canvas/Canvas.tsx';
import { KindIcon } from '../canvas/icons.tsx';
import { KINDS } from '../model/kinds.ts';
import type { NodeKind } from '../model/types.ts';
import { useChallengeStore } from '../state/challengeStore.ts';
import { addBox } from '../state/commands.ts';
import { notify } from '../state/uiStore.ts';

const SECTIONS: { title: string; kinds: NodeKind[] }[] = [
  { title: 'Traffic', kinds: ['client', 'dns', 'cdn'] },
  { title: 'Front door', kinds: ['proxy', 'lb', 'limiter'] },
  { title: 'Compute', kinds: ['app', 'worker', 'cron'] },
  { title: 'Data', kinds: ['db', 'cache', 'queue', 'static'] },
  { title: 'Other', kinds: ['external', 'group'] },
];

function onDragStart(e: DragEvent, kind: NodeKind) {
  e.dataTransfer.setData(KIND_MIME, kind);
  e.dataTransfer.setData('text/plain', KINDS[kind].title);
  e.dataTransfer.effectAllowed = 'move';
}

export function Palette() {
  // A challenge may allow only some kinds: the others stay listed, greyed out, and say why.
  const allowed = useChallengeStore((s) => s.challenge?.constraints.kinds ?? null);
  return (
    <nav className="bp-palette" aria-label="Boxes to add">
      <h2 className="bp-panel-title">Boxes</h2>
      {SECTIONS.map((section) => (
        <Fragment key={section.title}>
          <h3 className="bp-palette__section">{section.title}</h3>
          <ul className="bp-palette__list">
            {section.kinds.map((kind) => {
              const spec = KINDS[kind];
              const off = allowed !== null && !allowed.includes(kind);
              return (
                <li key={kind}>
                  <button
                    type="button"
                    className="bp-palette__item"
                    draggable={!off}
                    data-kind={kind}
                    aria-label={`Add ${spec.title}`}
                    aria-describedby={`blurb-${kind}`}
                    aria-disabled={off || undefined}
                    onDragStart={(e) => (off ? e.preventDefault() : onDragStart(e, kind))}
                    onClick={() =>
                      off
                        ? notify('info', `${spec.title} is not part of this challenge.`)
                        : addBox(kind)
                    }
                    style={{ '--kind-color': spec.color } as React.CSSProperties}
                  >
                    <span className="bp-palette__icon">
                      <KindIcon kind={kind} size={18} />
                    </span>
                    <span className="bp-palette__name">{spec.title}</span>
                    <span role="tooltip" id={`blurb-${kind}`} className="bp-palette__tip">
                      {/* Named in the tip only when a narrow window shows icons alone. */}
                      <strong className="bp-palette__tipname">{spec.title}</strong>
                      {spec.blurb}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </Fragment>
      ))}
      <p className="bp-palette__foot">Drag onto the canvas, or press Enter to add.</p>
    </nav>
  );
}
