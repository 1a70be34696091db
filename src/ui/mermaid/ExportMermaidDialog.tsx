// Export Mermaid: the diagram as flowchart text to copy or download, beside the picture
// Mermaid itself draws from that text, so what you paste into a README is what you see.

import { useMemo, useState } from 'react';
import { exportMermaid, mermaidFileName, stripBpComments } from '../../io/mermaid/export.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { MermaidPreview } from './MermaidPreview.tsx';
import './mermaid.css';

type CopyState = 'idle' | 'copied' | 'manual';

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ExportMermaidDialog({ onClose }: { onClose: () => void }) {
  const doc = useDocumentStore((s) => s.doc);
  const [withData, setWithData] = useState(true);
  const [copy, setCopy] = useState<CopyState>('idle');
  const full = useMemo(() => exportMermaid(doc), [doc]);
  const text = withData ? full : stripBpComments(full);
  // The picture never needs our data lines; without them big diagrams stay under
  // Mermaid's text size limit.
  const drawn = useMemo(() => stripBpComments(full), [full]);

  const download = () => {
    const blob = new Blob([text], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = mermaidFileName(doc.title);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Dialog title="Export as Mermaid" onClose={onClose} wide>
      <div className="bp-mmd">
        <div className="bp-mmd__source">
          <textarea
            className="bp-mmd__text"
            aria-label="Mermaid text"
            readOnly
            spellCheck={false}
            value={text}
            onFocus={(e) => e.currentTarget.select()}
          />
          <label className="bp-mmd__check">
            <input
              type="checkbox"
              checked={withData}
              onChange={(e) => {
                setWithData(e.target.checked);
                setCopy('idle');
              }}
            />
            <span>
              Include settings and positions (<code>%% bp:</code> comment lines) so importing this
              text gives back exactly this diagram
            </span>
          </label>
          <div className="bp-mmd__toolbar">
            <button
              type="button"
              className="bp-btn bp-btn--primary"
              onClick={() =>
                void copyToClipboard(text).then((ok) => setCopy(ok ? 'copied' : 'manual'))
              }
            >
              Copy
            </button>
            <button type="button" className="bp-btn" onClick={download}>
              Download .mmd
            </button>
            <span className="bp-mmd__status" role="status">
              {copy === 'copied'
                ? 'Copied to the clipboard.'
                : copy === 'manual'
                  ? 'The browser did not allow copying: select the text and press Ctrl+C (⌘C).'
                  : ''}
            </span>
          </div>
        </div>
        <section className="bp-mmd__preview" aria-label="Mermaid preview">
          <MermaidPreview text={drawn} />
        </section>
      </div>
    </Dialog>
  );
}
