// The challenge picker: every challenge with its difficulty, its one-line summary and the
// learner's best result so far (kept in this browser). Files that did not validate are
// listed with the reason.

import { formatChallengeIssue } from '../../story/challenge/schema.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { bestText } from './best.ts';
import { ensureChallengeCatalog } from './catalog.ts';
import { Difficulty } from './Difficulty.tsx';
import '../story/picker.css';
import './panel.css';

// The picker loads with the catalogue (neither is on the first page).
ensureChallengeCatalog();

export function ChallengePicker({ onClose }: { onClose: () => void }) {
  const catalog = useChallengeStore((s) => s.catalog);
  const broken = useChallengeStore((s) => s.catalogIssues);
  const best = useChallengeStore((s) => s.best);
  const activeId = useChallengeStore((s) => s.challenge?.id);
  return (
    <Dialog title="Challenges: design it, then let the engine grade it" onClose={onClose} wide>
      <p className="bp-picker__intro">
        Each challenge gives you a system that breaks, goals the engine measures and a budget.
        Change the design until Check says every goal is met. Your best result is kept in this
        browser.
      </p>
      <ul className="bp-picker">
        {catalog.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="bp-picker__item bp-challenge-pick"
              aria-current={c.id === activeId ? 'true' : undefined}
              data-challenge={c.id}
              onClick={() => {
                onClose();
                useChallengeStore.getState().start(c.id);
              }}
            >
              <span className="bp-picker__title">{c.title}</span>
              <span className="bp-picker__summary">{c.summary}</span>
              <span className="bp-challenge-pick__meta">
                <Difficulty level={c.difficulty} />
                <span
                  className={`bp-challenge-pick__best${best[c.id]?.passed ? ' is-passed' : ''}`}
                  data-testid={`best-${c.id}`}
                >
                  {bestText(best[c.id])}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {broken.length ? (
        <section className="bp-picker__broken" aria-label="Challenges that could not be loaded">
          <h3>Could not load</h3>
          {broken.map((b) => (
            <div key={b.file}>
              <strong>{b.file}</strong>
              <ul>
                {b.issues.slice(0, 5).map((i) => (
                  <li key={formatChallengeIssue(i)}>{formatChallengeIssue(i)}</li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ) : null}
    </Dialog>
  );
}
