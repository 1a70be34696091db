// Messages near the bottom of the canvas: why a connection was refused, what Open repaired,
// that autosave failed. A polite live region, so screen readers announce them too.

import { useUiStore } from '../state/uiStore.ts';

export function Toasts() {
  const toasts = useUiStore((s) => s.toasts);
  const dismiss = useUiStore((s) => s.dismissToast);
  return (
    <div className="bp-toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`bp-toast bp-toast--${t.tone}`} data-tone={t.tone}>
          <div className="bp-toast__text">
            <span className="bp-toast__message">{t.message}</span>
            {t.details ? (
              <ul className="bp-toast__details">
                {t.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button
            type="button"
            className="bp-toast__close"
            aria-label="Dismiss message"
            onClick={() => dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
