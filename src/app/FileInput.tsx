// The hidden file input behind File → Open; registered as a service so the action can open it.

import { useEffect, useRef } from 'react';
import { services } from '../state/services.ts';

export function FileInput() {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    services.openFilePicker = () => input.current?.click();
    return () => {
      services.openFilePicker = undefined;
    };
  }, []);
  return (
    <input
      ref={input}
      type="file"
      accept=".json,application/json"
      className="bp-sr"
      aria-label="Open diagram file"
      data-testid="open-file-input"
      tabIndex={-1}
      onChange={async (e) => {
        const file = e.target.files?.[0];
        e.target.value = ''; // the same file can be opened again
        if (!file) return;
        // Open's loaders (stories, challenges) load on first use.
        const { openDocumentFile } = await import('../state/files.ts');
        if (await openDocumentFile(file)) requestAnimationFrame(() => services.canvas?.fitView());
      }}
    />
  );
}
