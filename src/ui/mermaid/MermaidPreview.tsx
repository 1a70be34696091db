// Mermaid's own rendering of a flowchart text. Mermaid is loaded on first use (it is not
// part of the first page load) and runs with securityLevel 'strict': labels are sanitized
// and click handlers never bound. Our exported labels are entity-escaped, so they show as
// the literal text they are.

import { useEffect, useRef, useState } from 'react';
import { loadMermaid } from '../../io/mermaid/load.ts';

let renderCount = 0;

type State = { state: 'rendering' } | { state: 'done' } | { state: 'error'; message: string };

export function MermaidPreview({ text }: { text: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<State>({ state: 'rendering' });

  useEffect(() => {
    let live = true;
    setStatus({ state: 'rendering' });
    const id = `bp-mermaid-preview-${++renderCount}`;
    void (async () => {
      try {
        const mermaid = await loadMermaid();
        const { svg } = await mermaid.render(id, text);
        if (!live || !box.current) return;
        // Mermaid's SVG, sanitized by Mermaid under the strict security level.
        box.current.innerHTML = svg;
        setStatus({ state: 'done' });
      } catch (err) {
        if (!live) return;
        if (box.current) box.current.replaceChildren();
        setStatus({
          state: 'error',
          message: err instanceof Error ? err.message.split('\n')[0]! : String(err),
        });
      } finally {
        // Mermaid measures text in a scratch element; make sure none is left behind.
        document.getElementById(`d${id}`)?.remove();
      }
    })();
    return () => {
      live = false;
    };
  }, [text]);

  return (
    <div className="bp-mmd__render" data-testid="mermaid-preview">
      {status.state === 'rendering' ? <p className="bp-mmd__placeholder">Drawing…</p> : null}
      {status.state === 'error' ? (
        <p className="bp-mmd__error" role="alert">
          Mermaid could not draw this diagram: {status.message}
        </p>
      ) : null}
      <div ref={box} className="bp-mmd__svg" />
    </div>
  );
}
