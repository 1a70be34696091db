// Import Docker Compose / nginx.conf: paste, open or drop a compose.yaml or an nginx.conf,
// see what it becomes (every box with its kind and why, changeable; what could not be
// mapped, listed), then replace the canvas as one undo step. Cancel changes nothing.
// Imported text is only ever shown as text.

import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { importCompose } from '../../io/compose/import.ts';
import { detectFormat } from '../../io/config/detect.ts';
import {
  applyConfigKinds,
  type ConfigFormat,
  type ConfigImportError,
  type ConfigImportResult,
  connectionWarnings,
} from '../../io/config/result.ts';
import { preloadLayout } from '../../io/layout.ts';
import { errorExcerpt } from '../../io/mermaid/excerpt.ts';
import { importNginx } from '../../io/nginx/import.ts';
import { KINDS } from '../../model/kinds.ts';
import { NODE_KINDS, type NodeKind } from '../../model/types.ts';
import { useConfigImportSource } from '../../state/actions/importConfig.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { services } from '../../state/services.ts';
import { notify } from '../../state/uiStore.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import '../mermaid/mermaid.css';
import './config.css';

const BOX_KINDS = NODE_KINDS.filter((k) => k !== 'group');

const NAMES: Record<ConfigFormat, string> = { compose: 'Docker Compose', nginx: 'nginx.conf' };

const COMPOSE_SAMPLE = `services:
  nginx:
    image: nginx:1.27
    ports: ["80:80"]
    depends_on: [web]
  web:
    build: .
    deploy:
      replicas: 2
    environment:
      DATABASE_URL: postgres://app:secret@db:5432/app
      REDIS_URL: redis://cache:6379
  worker:
    build: .
    command: celery -A app worker
    depends_on: [queue]
  db:
    image: postgres:16
  cache:
    image: redis:7
  queue:
    image: rabbitmq:3
`;

const NGINX_SAMPLE = `http {
  upstream app_servers {
    least_conn;
    server app1:3000;
    server app2:3000;
  }
  server {
    listen 443 ssl;
    ssl_certificate /etc/ssl/site.pem;
    location /api/ {
      proxy_pass http://app_servers;
    }
    location /static/ {
      root /var/www;
    }
  }
}
`;

type Choice = 'auto' | ConfigFormat;

type Preview =
  | { state: 'empty' }
  | { state: 'reading' }
  | { state: 'unknown'; text: string }
  | { state: 'done'; result: ConfigImportResult; text: string; format: ConfigFormat };

/** The kinds chosen so far, for the boxes still in the new result. */
function keepChoices(
  kinds: Record<string, NodeKind>,
  result: ConfigImportResult,
): Record<string, NodeKind> {
  if (!result.ok) return kinds;
  const boxes = new Set(result.doc.nodes.filter((n) => n.kind !== 'group').map((n) => n.id));
  return Object.fromEntries(Object.entries(kinds).filter(([id]) => boxes.has(id)));
}

export function ImportConfigDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [choice, setChoice] = useState<Choice>('auto');
  const [preview, setPreview] = useState<Preview>({ state: 'empty' });
  const [kinds, setKinds] = useState<Record<string, NodeKind>>({});
  const fileInput = useRef<HTMLInputElement>(null);

  const loadFile = useCallback((name: string, content: string) => {
    setFileName(name);
    setFileError(null);
    setKinds({});
    setChoice('auto');
    setText(content);
  }, []);

  useEffect(() => preloadLayout(), []);

  // A file dropped on the canvas arrives through the store.
  useEffect(() => {
    const source = useConfigImportSource.getState().take();
    if (source) loadFile(source.fileName, source.text);
  }, [loadFile]);

  const format: ConfigFormat | null = useMemo(() => {
    if (choice !== 'auto') return choice;
    const f = detectFormat(text, fileName ?? undefined);
    return f === 'compose' || f === 'nginx' ? f : null;
  }, [choice, text, fileName]);

  useEffect(() => {
    if (text.trim() === '') {
      setPreview({ state: 'empty' });
      return;
    }
    if (format === null) {
      setPreview({ state: 'unknown', text });
      return;
    }
    let live = true;
    setPreview((p) => (p.state === 'done' ? p : { state: 'reading' }));
    const timer = setTimeout(() => {
      void (format === 'compose' ? importCompose(text) : importNginx(text)).then((result) => {
        if (!live) return;
        setPreview({ state: 'done', result, text, format });
        setKinds((k) => keepChoices(k, result));
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, format]);

  const result = preview.state === 'done' ? preview.result : null;
  const doc = useMemo(() => (result?.ok ? applyConfigKinds(result, kinds) : null), [result, kinds]);
  const ruleWarnings = useMemo(() => (doc ? connectionWarnings(doc) : []), [doc]);
  const stale = preview.state === 'done' && (preview.text !== text || preview.format !== format);

  const accept = () => {
    if (!doc || stale || preview.state !== 'done') return;
    useSelectionStore.getState().clear();
    useDocumentStore.getState().replaceDocument(doc, `Import ${NAMES[preview.format]}`);
    onClose();
    requestAnimationFrame(() => services.canvas?.fitView());
    const boxes = doc.nodes.filter((n) => n.kind !== 'group').length;
    notify(
      'success',
      `Imported ${boxes} box${boxes === 1 ? '' : 'es'} from ${NAMES[preview.format]}`,
    );
  };

  return (
    <Dialog title="Import Docker Compose or nginx.conf" onClose={onClose} wide>
      <div className="bp-mmd">
        <div className="bp-mmd__source">
          <div className="bp-mmd__toolbar">
            <button type="button" className="bp-btn" onClick={() => fileInput.current?.click()}>
              Open file…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".yml,.yaml,.conf,.txt,text/yaml,text/plain"
              className="bp-sr"
              aria-label="Compose or nginx file"
              data-testid="config-file-input"
              tabIndex={-1}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                if (file.size > 2_000_000) {
                  setFileError(`${file.name} is larger than 2 MB; a config file is much smaller.`);
                  return;
                }
                loadFile(file.name, await file.text());
              }}
            />
            <label className="bp-cfg__format">
              <span>Format</span>
              <select
                className="bp-select bp-select--compact"
                value={choice}
                onChange={(e) => setChoice(e.target.value as Choice)}
              >
                <option value="auto">
                  {format && choice === 'auto' ? `Automatic (${NAMES[format]})` : 'Automatic'}
                </option>
                <option value="compose">Docker Compose</option>
                <option value="nginx">nginx.conf</option>
              </select>
            </label>
            {text === '' ? (
              <>
                <button
                  type="button"
                  className="bp-btn bp-btn--ghost"
                  onClick={() => setText(COMPOSE_SAMPLE)}
                >
                  Try a compose file
                </button>
                <button
                  type="button"
                  className="bp-btn bp-btn--ghost"
                  onClick={() => setText(NGINX_SAMPLE)}
                >
                  Try an nginx.conf
                </button>
              </>
            ) : null}
            {fileName ? <span className="bp-mmd__file">{fileName}</span> : null}
          </div>
          {fileError ? (
            <p className="bp-mmd__error" role="alert">
              {fileError}
            </p>
          ) : null}
          <textarea
            className="bp-mmd__text"
            aria-label="Compose or nginx text"
            spellCheck={false}
            placeholder={
              'Paste a compose.yaml or an nginx.conf here, or open or drop a file.\n\nservices:\n  web:\n    build: .\n    depends_on: [db]\n  db:\n    image: postgres:16'
            }
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFileError(null);
            }}
          />
        </div>
        <section className="bp-mmd__preview" aria-label="Import preview" aria-busy={stale}>
          <PreviewBody
            preview={preview}
            text={text}
            kinds={kinds}
            setKind={(id, kind) => setKinds((k) => ({ ...k, [id]: kind }))}
            doc={doc}
            ruleWarnings={ruleWarnings}
          />
        </section>
      </div>
      <div className="bp-dialog__foot bp-mmd__foot">
        <span className="bp-mmd__hint">
          {doc ? 'Replaces the diagram on the canvas. Undo (Ctrl+Z) brings it back.' : ''}
        </span>
        <button type="button" className="bp-btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="bp-btn bp-btn--primary"
          disabled={!doc || stale}
          onClick={accept}
        >
          Replace canvas
        </button>
      </div>
    </Dialog>
  );
}

function PreviewBody({
  preview,
  text,
  kinds,
  setKind,
  doc,
  ruleWarnings,
}: {
  preview: Preview;
  text: string;
  kinds: Record<string, NodeKind>;
  setKind: (id: string, kind: NodeKind) => void;
  doc: ReturnType<typeof applyConfigKinds> | null;
  ruleWarnings: string[];
}) {
  if (preview.state === 'empty') {
    return (
      <p className="bp-mmd__placeholder">
        The boxes the file describes appear here, each with the kind it will become and why.
        Services become boxes by their image; an nginx.conf becomes nginx, its upstreams and their
        servers.
      </p>
    );
  }
  if (preview.state === 'reading') return <p className="bp-mmd__placeholder">Reading…</p>;
  if (preview.state === 'unknown') {
    return (
      <div className="bp-mmd__error" role="alert" data-testid="config-import-error">
        <strong>Is this a compose file or an nginx.conf?</strong>
        <p>
          It has neither a <code>services:</code> map nor{' '}
          <code>
            server {'{'} … {'}'}
          </code>{' '}
          blocks. Choose the format above if it is one of them.
        </p>
        <p className="bp-mmd__muted">Your canvas has not changed.</p>
      </div>
    );
  }
  const { result } = preview;
  if (!result.ok) {
    return (
      <div className="bp-mmd__error" role="alert" data-testid="config-import-error">
        <strong>
          This {preview.format === 'compose' ? 'compose file' : 'nginx.conf'} cannot be imported.
        </strong>
        <p>{result.error.message}</p>
        <ErrorLines text={preview.text} error={result.error} />
        <p className="bp-mmd__muted">Your canvas has not changed.</p>
      </div>
    );
  }
  if (!doc) return null;
  const boxes = doc.nodes.filter((n) => n.kind !== 'group').length;
  const hosts = doc.nodes.length - boxes;
  const notes = [...result.notes, ...ruleWarnings];
  return (
    <>
      <p className="bp-mmd__summary" data-testid="config-import-summary">
        {NAMES[preview.format]}: {boxes} box{boxes === 1 ? '' : 'es'}
        {hosts ? `, ${hosts} host${hosts === 1 ? '' : 's'}` : ''}, {doc.edges.length} connection
        {doc.edges.length === 1 ? '' : 's'}
        {result.exact ? ' (exported from Backend Playground: settings and positions kept)' : ''}
        {preview.text !== text ? ' (updating…)' : ''}
      </p>
      <div className="bp-mmd__tablewrap">
        <table className="bp-mmd__table bp-cfg__table">
          <thead>
            <tr>
              <th scope="col">Box</th>
              <th scope="col">Kind</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {doc.nodes.map((n) => (
              <tr key={n.id} data-node-id={n.id}>
                <td>
                  <span className="bp-mmd__label">{n.label || n.id}</span>
                  {n.label.toLowerCase() !== n.id.toLowerCase() ? (
                    <code className="bp-mmd__id">{n.id}</code>
                  ) : null}
                </td>
                <td>
                  {n.kind === 'group' ? (
                    <span className="bp-mmd__host">Host (network)</span>
                  ) : (
                    <span className="bp-mmd__kind">
                      <span
                        className="bp-mmd__swatch"
                        style={{ background: KINDS[n.kind].color }}
                        aria-hidden="true"
                      />
                      <select
                        className="bp-select bp-select--compact"
                        aria-label={`Kind of ${n.label || n.id}`}
                        value={kinds[n.id] ?? n.kind}
                        onChange={(e) => setKind(n.id, e.target.value as NodeKind)}
                      >
                        {BOX_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {KINDS[k].title}
                          </option>
                        ))}
                      </select>
                    </span>
                  )}
                </td>
                <td className="bp-cfg__why">{result.reasons[n.id] ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.unmapped.length ? (
        <div className="bp-cfg__unmapped" data-testid="config-import-unmapped">
          <strong>Not mapped ({result.unmapped.length})</strong>
          <ul>
            {result.unmapped.slice(0, 40).map((u, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: entries may repeat
              <li key={i}>{u}</li>
            ))}
            {result.unmapped.length > 40 ? <li>…and {result.unmapped.length - 40} more</li> : null}
          </ul>
        </div>
      ) : null}
      {notes.length ? (
        <div className="bp-mmd__warnings" data-testid="config-import-notes">
          <strong>
            {notes.length} note{notes.length === 1 ? '' : 's'}
          </strong>
          <ul>
            {notes.slice(0, 40).map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same note may repeat
              <li key={i}>{w}</li>
            ))}
            {notes.length > 40 ? <li>…and {notes.length - 40} more</li> : null}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** The line an error points at, the column marked, a caret under it (as for Mermaid). */
function ErrorLines({ text, error }: { text: string; error: ConfigImportError }) {
  const rows = errorExcerpt(text, error);
  if (!rows.length) return null;
  return (
    <pre className="bp-mmd__badline" data-testid="config-error-lines">
      {rows.map((row) => {
        if ('gap' in row) {
          return (
            <span key="gap" className="bp-mmd__gap">
              {'…\n'}
            </span>
          );
        }
        const { caret } = row;
        return (
          <Fragment key={row.line}>
            <span className="bp-mmd__lineno">{row.line}</span>
            {caret ? (
              <>
                {caret.before}
                {caret.at.trim() !== '' ? <mark className="bp-mmd__at">{caret.at}</mark> : caret.at}
                {caret.after}
                {'\n'}
                <span className="bp-mmd__caretrow" aria-hidden="true">
                  <span className="bp-mmd__lineno">{row.line}</span>
                  <span className="bp-mmd__pad">{caret.before}</span>
                  <span className="bp-mmd__caret">^</span>
                </span>
              </>
            ) : (
              row.text
            )}
            {'\n'}
          </Fragment>
        );
      })}
    </pre>
  );
}
