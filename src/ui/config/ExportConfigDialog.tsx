// Export Docker Compose / nginx.conf: every file of the stack (compose.yaml, each
// nginx.conf, the placeholder app image, the README) to read, copy or download, or all of
// them as one zip; beside them, what each box became and what is only a placeholder.

import { useMemo, useState } from 'react';
import { exportStack, stackFileName, zipStack } from '../../io/config/bundle.ts';
import { KINDS } from '../../model/kinds.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import '../mermaid/mermaid.css';
import './config.css';

type CopyState = 'idle' | 'copied' | 'manual';

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Inline `code` in the mapping sentences, as the README writes it. */
function Sentence({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((p, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed sentence
        i % 2 ? <code key={i}>{p}</code> : <span key={i}>{p}</span>,
      )}
    </>
  );
}

export function ExportConfigDialog({
  onClose,
  start,
}: {
  onClose: () => void;
  start: 'compose' | 'nginx';
}) {
  const doc = useDocumentStore((s) => s.doc);
  const stack = useMemo(() => exportStack(doc), [doc]);
  const first = start === 'nginx' && stack.nginx.length ? stack.nginx[0]!.path : 'compose.yaml';
  const [path, setPath] = useState(first);
  const [copy, setCopy] = useState<CopyState>('idle');
  const file = stack.files.find((f) => f.path === path) ?? stack.files[0]!;
  const fileName = file.path.split('/').pop()!;

  return (
    <Dialog title="Export as Docker Compose and nginx.conf" onClose={onClose} wide>
      <div className="bp-mmd bp-cfg">
        <div className="bp-mmd__source">
          <div className="bp-cfg__files" role="tablist" aria-label="Files of the stack">
            {stack.files.map((f) => (
              <button
                key={f.path}
                type="button"
                role="tab"
                aria-selected={f.path === file.path}
                className={`bp-cfg__file${f.path === file.path ? ' is-current' : ''}`}
                onClick={() => {
                  setPath(f.path);
                  setCopy('idle');
                }}
              >
                {f.path}
              </button>
            ))}
          </div>
          <textarea
            className="bp-mmd__text"
            aria-label={`Text of ${file.path}`}
            readOnly
            spellCheck={false}
            value={file.text}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="bp-mmd__toolbar">
            <button
              type="button"
              className="bp-btn bp-btn--primary"
              onClick={() =>
                download(
                  stackFileName(doc.title),
                  zipStack(stack, doc.title) as Uint8Array<ArrayBuffer>,
                  'application/zip',
                )
              }
            >
              Download all (.zip)
            </button>
            <button
              type="button"
              className="bp-btn"
              onClick={() => download(fileName, file.text, 'text/plain;charset=utf-8')}
            >
              Download {fileName}
            </button>
            <button
              type="button"
              className="bp-btn"
              onClick={() =>
                void navigator.clipboard
                  .writeText(file.text)
                  .then(
                    () => true,
                    () => false,
                  )
                  .then((ok) => setCopy(ok ? 'copied' : 'manual'))
              }
            >
              Copy
            </button>
            <span className="bp-mmd__status" role="status">
              {copy === 'copied'
                ? `Copied ${file.path} to the clipboard.`
                : copy === 'manual'
                  ? 'The browser did not allow copying: select the text and press Ctrl+C (⌘C).'
                  : ''}
            </span>
          </div>
        </div>
        <section className="bp-mmd__preview" aria-label="What each box became">
          <p className="bp-mmd__summary">What each box became</p>
          <table className="bp-mmd__table bp-cfg__table">
            <thead>
              <tr>
                <th scope="col">Box</th>
                <th scope="col">In the stack</th>
              </tr>
            </thead>
            <tbody>
              {stack.boxes.map((b) => (
                <tr key={b.id} data-node-id={b.id}>
                  <td>
                    <span className="bp-mmd__kind">
                      <span
                        className="bp-mmd__swatch"
                        style={{ background: KINDS[b.kind].color }}
                        aria-hidden="true"
                      />
                      <span className="bp-mmd__label">{b.label}</span>
                    </span>
                  </td>
                  <td className="bp-cfg__where">
                    <Sentence text={b.where} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {stack.notes.length ? (
            <div className="bp-mmd__warnings" data-testid="config-export-notes">
              <strong>
                {stack.notes.length} note{stack.notes.length === 1 ? '' : 's'}
              </strong>
              <ul>
                {stack.notes.map((n, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: notes may repeat
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="bp-mmd__muted">
            Passwords, certificates and the app image are placeholders; README.md in the zip says
            what to replace. The x-playground block in compose.yaml brings this diagram back on
            import.
          </p>
        </section>
      </div>
    </Dialog>
  );
}
