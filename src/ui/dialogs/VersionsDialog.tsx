// File → Recent versions: the autosaves kept a minute or more apart (and copies set aside
// on purpose), each restorable in one undo step or downloadable; below them the damaged
// saves, exactly as they were found, to download.

import { useMemo, useState } from 'react';
import { formatSize } from '../../io/documentText.ts';
import { downloadDamaged, downloadVersion, restoreVersion } from '../../state/versionActions.ts';
import { listDamaged, listVersions } from '../../state/versions.ts';
import { ago, plural, whenSaved } from '../../state/when.ts';
import { Dialog } from './Dialog.tsx';
import './dialogs.css';

export function VersionsDialog({ onClose }: { onClose: () => void }) {
  // Read once when the dialog opens (and again after a restore), not on every render.
  const [stamp, setStamp] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` re-reads storage
  const versions = useMemo(() => listVersions(), [stamp]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stamp` re-reads storage
  const damaged = useMemo(() => listDamaged(), [stamp]);
  const now = Date.now();
  return (
    <Dialog title="Recent versions" onClose={onClose} wide>
      <p className="bp-versions__intro">
        Your diagram is saved in this browser as you work, and a copy is kept here at most once a
        minute. Restoring one is a single step: Edit → Undo brings back what you had.
      </p>
      {versions.length === 0 ? (
        <p className="bp-versions__empty">
          No earlier versions yet. The first is kept once your work has been autosaved.
        </p>
      ) : (
        <ul className="bp-versions" aria-label="Kept versions">
          {versions.map((v) => (
            <li key={v.id} className="bp-versions__row">
              <div className="bp-versions__what">
                <strong>{whenSaved(v.savedAt, now)}</strong>{' '}
                <span className="bp-versions__ago">{ago(v.savedAt, now)}</span>
                <div className="bp-versions__title">
                  “{v.title || 'Untitled'}” · {plural(v.boxes, 'box', 'boxes')}
                  {v.hosts ? ` · ${plural(v.hosts, 'host')}` : ''} · {plural(v.links, 'connection')}
                </div>
                {v.note ? <div className="bp-versions__note">{v.note}</div> : null}
              </div>
              <div className="bp-versions__actions">
                <button
                  type="button"
                  className="bp-btn bp-btn--primary"
                  aria-label={`Restore the version from ${whenSaved(v.savedAt, now)}`}
                  onClick={async () => {
                    if (await restoreVersion(v)) onClose();
                    else setStamp((s) => s + 1);
                  }}
                >
                  Restore
                </button>
                <button
                  type="button"
                  className="bp-btn"
                  aria-label={`Download the version from ${whenSaved(v.savedAt, now)}`}
                  onClick={() => downloadVersion(v)}
                >
                  Download
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {damaged.length > 0 ? (
        <section className="bp-versions__damaged" aria-label="Damaged saves">
          <h3>Damaged saves</h3>
          <p>
            Saved text that could not be read, or only in part, kept exactly as it was. Download it
            to look inside or to repair it by hand.
          </p>
          <ul className="bp-versions">
            {damaged.map((d) => (
              <li key={d.id} className="bp-versions__row">
                <div className="bp-versions__what">
                  <strong>{whenSaved(d.keptAt, now)}</strong>{' '}
                  <span className="bp-versions__ago">{ago(d.keptAt, now)}</span>
                  <div className="bp-versions__title">
                    {d.source.charAt(0).toUpperCase() + d.source.slice(1)} · {formatSize(d.chars)}
                  </div>
                  <div className="bp-versions__note">{d.reason}</div>
                </div>
                <div className="bp-versions__actions">
                  <button
                    type="button"
                    className="bp-btn"
                    aria-label={`Download the damaged save from ${whenSaved(d.keptAt, now)}`}
                    onClick={() => downloadDamaged(d)}
                  >
                    Download
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
