// The text field that replaces a box's label while renaming: Enter or leaving the field
// commits, Escape cancels.

import { useEffect, useRef, useState } from 'react';
import { renameNode } from '../../state/docOps.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useUiStore } from '../../state/uiStore.ts';

export function InlineRename({
  id,
  label,
  className,
}: {
  id: string;
  label: string;
  className: string;
}) {
  const [text, setText] = useState(label);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit && text.trim() && text.trim() !== label) {
      useDocumentStore.getState().change('Rename', (doc) => renameNode(doc, id, text.trim()));
    }
    useUiStore.getState().setRenaming(null);
  };
  return (
    <input
      ref={input}
      className={`${className} nodrag nopan nowheel`}
      aria-label="Box name"
      value={text}
      maxLength={500}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
