// The story picker: every scenario with its one-line summary. Files that did not validate
// are listed with the reason, so an instructor sees their mistake instead of a missing story.

import { formatIssue } from '../../story/schema.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { ensureStoryCatalog } from './catalog.ts';
import './picker.css';

// The picker loads with the catalogue (neither is on the first page).
ensureStoryCatalog();

export function StoryPicker({ onClose }: { onClose: () => void }) {
  const catalog = useStoryStore((s) => s.catalog);
  const broken = useStoryStore((s) => s.catalogIssues);
  const activeId = useStoryStore((s) => s.scenario?.id);
  return (
    <Dialog title="Stories: grow a backend one box at a time" onClose={onClose} wide>
      <p className="bp-picker__intro">
        Each story starts small, pushes the system until something breaks, then adds one box that
        fixes it. Use ← and → to move between steps.
      </p>
      <ul className="bp-picker">
        {catalog.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="bp-picker__item"
              aria-current={s.id === activeId ? 'true' : undefined}
              onClick={() => {
                onClose();
                useStoryStore.getState().start(s.id, 0);
              }}
            >
              <span className="bp-picker__title">{s.title}</span>
              <span className="bp-picker__summary">{s.summary}</span>
              <span className="bp-picker__steps">
                {s.steps.length} {s.steps.length === 1 ? 'step' : 'steps'}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {broken.length ? (
        <section className="bp-picker__broken" aria-label="Stories that could not be loaded">
          <h3>Could not load</h3>
          {broken.map((b) => (
            <div key={b.file}>
              <strong>{b.file}</strong>
              <ul>
                {b.issues.slice(0, 5).map((i) => (
                  <li key={formatIssue(i)}>{formatIssue(i)}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </Dialog>
  );
}
