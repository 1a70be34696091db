// Import Mermaid: paste a flowchart or open a .mmd / .md file, see what it becomes (every
// box with its guessed kind, changeable), then replace the canvas as one undo step.
// Cancel leaves the canvas exactly as it was. Imported text is only ever shown as text.

import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  defaultBlockIndex,
  extractMermaidBlocks,
  isMarkdownName,
  type MermaidBlock,
} from '../../io/mermaid/blocks.ts';
import { errorExcerpt } from '../../io/mermaid/excerpt.ts';
import {
  type Applied,
  applyChoices,
  connectionWarnings,
  finalDocument,
  type ImportChoices,
  type ImportError,
  type ImportResult,
  type ImportSuccess,
  importMermaid,
  keepKindChoices,
} from '../../io/mermaid/import.ts';
import { preloadLayout } from '../../io/layout.ts';
import { loadMermaid } from '../../io/mermaid/load.ts';
import { KINDS } from '../../model/kinds.ts';
import { NODE_KINDS, type NodeKind } from '../../model/types.ts';
import { useMermaidImportSource } from '../../state/actions/importMermaid.ts';
import { dismissHint } from '../../state/hint.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { services } from '../../state/services.ts';
import { notify } from '../../state/uiStore.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import './mermaid.css';

const BOX_KINDS = NODE_KINDS.filter((k) => k !== 'group');

const SAMPLE = `flowchart LR
  users([Users]) --> nginx{{nginx}}
  nginx --> app1[App 1] & app2[App 2]
  app1 & app2 --> db[(Postgres)]`;

type Preview =
  | { state: 'empty' }
  | { state: 'reading' }
  | { state: 'done'; result: ImportResult; text: string };

export function ImportMermaidDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [blocks, setBlocks] = useState<MermaidBlock[]>([]);
  const [block, setBlock] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview>({ state: 'empty' });
  const [kinds, setKinds] = useState<Record<string, NodeKind>>({});
  // Flip the arrows, add Users: undefined follows what the import suggests.
  const [flip, setFlip] = useState<boolean | undefined>(undefined);
  const [users, setUsers] = useState<boolean | undefined>(undefined);
  const [accepting, setAccepting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const startAfresh = useCallback(() => {
    setKinds({});
    setFlip(undefined);
    setUsers(undefined);
  }, []);

  // Only state setters inside, so one function for the dialog's lifetime.
  const loadFile = useCallback(
    (name: string, content: string) => {
      setFileName(name);
      setFileError(null);
      // Another file is another diagram: choices made for the last one do not carry over.
      startAfresh();
      if (isMarkdownName(name)) {
        const found = extractMermaidBlocks(content);
        // Articles often open with a sequence diagram: start on the first flowchart.
        const first = defaultBlockIndex(found);
        setBlocks(found);
        setBlock(first);
        if (!found.length) {
          setFileError(`${name} has no \`\`\`mermaid code block.`);
          setText('');
          return;
        }
        setText(found[first]!.text);
      } else {
        setBlocks([]);
        setText(content);
      }
    },
    [startAfresh],
  );

  // Start fetching Mermaid and ELK now: by the time something is pasted, they are there.
  useEffect(() => {
    void loadMermaid().catch(() => {});
    preloadLayout();
  }, []);

  // A file dropped on the canvas arrives through the store.
  useEffect(() => {
    const source = useMermaidImportSource.getState().take();
    if (source) loadFile(source.fileName, source.text);
  }, [loadFile]);

  // Preview as the text settles: Mermaid parses it, boxes get kinds and positions.
  useEffect(() => {
    if (text.trim() === '') {
      setPreview({ state: 'empty' });
      return;
    }
    let live = true;
    setPreview((p) => (p.state === 'done' ? p : { state: 'reading' }));
    const timer = setTimeout(() => {
      void importMermaid(text).then((result) => {
        if (!live) return;
        setPreview({ state: 'done', result, text });
        // The kinds chosen so far stay with their boxes; boxes that are gone lose theirs.
        setKinds((k) => keepKindChoices(k, result));
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  const result = preview.state === 'done' ? preview.result : null;
  const choices: ImportChoices = useMemo(() => {
    const c: ImportChoices = { kinds };
    if (flip !== undefined) c.flip = flip;
    if (users !== undefined) c.users = users;
    return c;
  }, [kinds, flip, users]);
  const applied = useMemo(
    () => (result?.ok ? applyChoices(result, choices) : null),
    [result, choices],
  );
  const doc = applied?.doc ?? null;
  const ruleWarnings = useMemo(() => (doc ? connectionWarnings(doc) : []), [doc]);
  const stale = preview.state === 'done' && preview.text !== text;

  const accept = async () => {
    if (!doc || stale || !result?.ok || accepting) return;
    setAccepting(true);
    // Flipped arrows or Users added or taken away: laid out again for what was chosen.
    const final = await finalDocument(result, choices).catch(() => doc);
    useSelectionStore.getState().clear();
    useDocumentStore.getState().replaceDocument(final, 'Import Mermaid');
    // The first-visit hint (how to add and connect boxes) has done its job: a diagram came in.
    dismissHint();
    onClose();
    requestAnimationFrame(() => services.canvas?.fitView());
    const boxes = final.nodes.filter((n) => n.kind !== 'group').length;
    notify('success', `Imported ${boxes} box${boxes === 1 ? '' : 'es'} from Mermaid`);
  };

  const counts = doc
    ? {
        boxes: doc.nodes.filter((n) => n.kind !== 'group').length,
        hosts: doc.nodes.filter((n) => n.kind === 'group').length,
        edges: doc.edges.length,
      }
    : null;

  return (
    <Dialog title="Import a Mermaid flowchart" onClose={onClose} wide>
      <div className="bp-mmd">
        <div className="bp-mmd__source">
          <div className="bp-mmd__toolbar">
            <button type="button" className="bp-btn" onClick={() => fileInput.current?.click()}>
              Open .mmd / .md file…
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".mmd,.mermaid,.md,.markdown,.mdx,.txt,text/markdown,text/plain"
              className="bp-sr"
              aria-label="Mermaid or markdown file"
              data-testid="mermaid-file-input"
              tabIndex={-1}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                if (file.size > 5_000_000) {
                  setFileError(`${file.name} is larger than 5 MB; a diagram is much smaller.`);
                  return;
                }
                loadFile(file.name, await file.text());
              }}
            />
            {text === '' ? (
              <button
                type="button"
                className="bp-btn bp-btn--ghost"
                onClick={() => setText(SAMPLE)}
              >
                Try an example
              </button>
            ) : null}
            {fileName ? <span className="bp-mmd__file">{fileName}</span> : null}
          </div>
          {blocks.length > 1 ? (
            <label className="bp-mmd__blocks">
              <span>Diagram in this file</span>
              <select
                className="bp-select"
                value={block}
                onChange={(e) => {
                  const i = Number(e.target.value);
                  setBlock(i);
                  startAfresh();
                  setText(blocks[i]!.text);
                }}
              >
                {blocks.map((b, i) => (
                  <option key={b.line} value={i}>
                    {`${i + 1}. line ${b.line}: ${b.summary || '(empty)'}${b.flowchart ? '' : ' (not a flowchart)'}`}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {fileError ? (
            <p className="bp-mmd__error" role="alert">
              {fileError}
            </p>
          ) : null}
          <textarea
            className="bp-mmd__text"
            aria-label="Mermaid text"
            spellCheck={false}
            placeholder={
              'Paste a Mermaid flowchart here, e.g.\n\nflowchart LR\n  A[Users] --> B[App] --> C[(Database)]'
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
            counts={counts}
            applied={applied}
            kinds={kinds}
            setKind={(id, kind) => setKinds((k) => ({ ...k, [id]: kind }))}
            setFlip={setFlip}
            setUsers={setUsers}
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
          disabled={!doc || stale || accepting}
          aria-busy={accepting}
          onClick={() => void accept()}
        >
          {accepting ? 'Laying out…' : 'Replace canvas'}
        </button>
      </div>
    </Dialog>
  );
}

function PreviewBody({
  preview,
  text,
  counts,
  applied,
  kinds,
  setKind,
  setFlip,
  setUsers,
  ruleWarnings,
}: {
  preview: Preview;
  text: string;
  counts: { boxes: number; hosts: number; edges: number } | null;
  /** The import with the choices made here (kinds, flipped arrows, added Users). */
  applied: Applied | null;
  kinds: Record<string, NodeKind>;
  setKind: (id: string, kind: NodeKind) => void;
  setFlip: (flip: boolean) => void;
  setUsers: (users: boolean) => void;
  ruleWarnings: string[];
}) {
  if (preview.state === 'empty') {
    return (
      <p className="bp-mmd__placeholder">
        The boxes Mermaid finds appear here, each with the kind it will become and why. Subgraphs
        become hosts.
      </p>
    );
  }
  if (preview.state === 'reading') return <p className="bp-mmd__placeholder">Reading…</p>;
  const { result } = preview;
  if (!result.ok) {
    return (
      <div className="bp-mmd__error" role="alert" data-testid="mermaid-import-error">
        <strong>This diagram cannot be imported.</strong>
        <p>{result.error.message}</p>
        <ErrorLines text={preview.text} error={result.error} />
        <p className="bp-mmd__muted">Your canvas has not changed.</p>
      </div>
    );
  }
  if (!applied || !counts) return null;
  const { doc } = applied;
  const notes = [...applied.notes, ...ruleWarnings];
  return (
    <>
      <p className="bp-mmd__summary" data-testid="mermaid-import-summary">
        {counts.boxes} box{counts.boxes === 1 ? '' : 'es'}
        {counts.hosts ? `, ${counts.hosts} host${counts.hosts === 1 ? '' : 's'}` : ''},{' '}
        {counts.edges} connection{counts.edges === 1 ? '' : 's'}
        {preview.text !== text ? ' (updating…)' : ''}
      </p>
      <ImportOptions result={result} applied={applied} setFlip={setFlip} setUsers={setUsers} />
      <div className="bp-mmd__tablewrap">
        <table className="bp-mmd__table">
          <thead>
            <tr>
              <th scope="col">Box</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {doc.nodes.map((n) => {
              const added = n.id === applied.added;
              const guess = applied.guesses[n.id];
              const chosen = kinds[n.id] !== undefined && kinds[n.id] !== guess?.kind;
              return (
                <tr key={n.id} data-node-id={n.id} className={added ? 'is-added' : undefined}>
                  <td>
                    <span className="bp-mmd__label">{n.label || n.id}</span>
                    {n.label.toLowerCase() !== n.id.toLowerCase() ? (
                      <code className="bp-mmd__id">{n.id}</code>
                    ) : null}
                  </td>
                  <td>
                    {n.kind === 'group' ? (
                      <span className="bp-mmd__host">Host (subgraph)</span>
                    ) : added ? (
                      <span className="bp-mmd__kind">
                        <span
                          className="bp-mmd__swatch"
                          style={{ background: KINDS.client.color }}
                          aria-hidden="true"
                        />
                        <span>Client</span>
                        <span className="bp-mmd__added" data-testid="mermaid-added-users">
                          added so that the diagram runs
                        </span>
                      </span>
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
                        {guess ? (
                          <span
                            className={`bp-mmd__why${chosen ? ' is-overridden' : ''}`}
                            title={
                              chosen
                                ? `Your choice. The import read it as ${KINDS[guess.kind].title}: ${guess.reasons.join(', ')}.`
                                : `Guessed: ${guess.reasons.join(', ')}`
                            }
                          >
                            {chosen ? 'your choice' : guess.reasons.join(' · ')}
                          </span>
                        ) : null}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {notes.length ? (
        <div className="bp-mmd__warnings" data-testid="mermaid-import-warnings">
          <strong>
            {notes.length} note{notes.length === 1 ? '' : 's'}
          </strong>
          <ul>
            {notes.slice(0, 30).map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same note may repeat
              <li key={i}>{w}</li>
            ))}
            {notes.length > 30 ? <li>…and {notes.length - 30} more</li> : null}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/**
 * The two choices about the diagram as a whole: flip its arrows (offered when they point
 * against the flow of requests) and the Users added when nothing sends requests.
 */
function ImportOptions({
  result,
  applied,
  setFlip,
  setUsers,
}: {
  result: ImportSuccess;
  applied: Applied;
  setFlip: (flip: boolean) => void;
  setUsers: (users: boolean) => void;
}) {
  const offerFlip = result.direction.flip !== 'no' || applied.flipped;
  // Offered when the import adds Users (or would, had they not been taken away).
  const usersShown = result.added !== null || applied.added !== null;
  if (!offerFlip && !usersShown) return null;
  return (
    <div className="bp-mmd__options">
      {offerFlip ? (
        <label className="bp-mmd__option">
          <input
            type="checkbox"
            checked={applied.flipped}
            onChange={(e) => setFlip(e.target.checked)}
          />
          <span>
            <strong>Flip arrows</strong>{' '}
            {result.direction.flip === 'auto'
              ? 'They point against the flow of requests, so they were flipped for you.'
              : 'Some arrows point against the flow of requests.'}
          </span>
        </label>
      ) : null}
      {usersShown ? (
        <label className="bp-mmd__option">
          <input
            type="checkbox"
            checked={applied.added !== null}
            onChange={(e) => setUsers(e.target.checked)}
          />
          <span>
            <strong>Add Users</strong> so that every part of the diagram gets requests (marked as
            added on the canvas; delete it any time).
          </span>
        </label>
      ) : null}
    </div>
  );
}

/**
 * The line(s) an error points at, the offending character marked and a caret under it. The
 * caret row repeats the characters before the column, hidden, so tabs and wide characters
 * take the same room and the caret lines up whatever the indentation.
 */
function ErrorLines({ text, error }: { text: string; error: ImportError }) {
  const rows = errorExcerpt(text, error);
  if (!rows.length) return null;
  return (
    <pre className="bp-mmd__badline" data-testid="mermaid-error-lines">
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
