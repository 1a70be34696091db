// A modal dialog on the native <dialog> element: focus is trapped and Escape closes it.

import { type ReactNode, useEffect, useRef } from 'react';

export function Dialog({
  title,
  onClose,
  children,
  wide,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`bp-dialog${wide ? ' bp-dialog--wide' : ''}`}
      aria-labelledby="bp-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div className="bp-dialog__head">
        <h2 id="bp-dialog-title">{title}</h2>
        <button type="button" className="bp-iconbtn" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="bp-dialog__body">{children}</div>
    </dialog>
  );
}
