// The story side panel: where you are (progress and the list of steps), the current step's
// narrative, what to watch, what the run shows, questions, and the controls. Every button
// runs the same registered action as its key, so panel, menu and keyboard agree.

import { claimText } from '../../story/expect.ts';
import { progress } from '../../story/player.ts';
import { runAction } from '../../state/actions/run.ts';
import { currentStep, nextScenario, useStoryStore } from '../../state/storyStore.ts';
import { Narrative } from './Narrative.tsx';
import { Questions } from './Questions.tsx';
import { WatchList } from './WatchList.tsx';
import { ensureStoryCatalog } from './catalog.ts';
import './storyPanel.css';

// The panel's last step names the next story: the catalogue loads with the panel.
ensureStoryCatalog();

export function StoryPanel() {
  const scenario = useStoryStore((s) => s.scenario);
  const stepIndex = useStoryStore((s) => s.step);
  const editing = useStoryStore((s) => s.editing);
  const step = useStoryStore(currentStep);
  // Subscribed so the last step's button knows which story comes next.
  useStoryStore((s) => s.catalog);
  if (!scenario || !step) return null;
  const { current, total, fraction } = progress(scenario, {
    scenarioId: scenario.id,
    step: stepIndex,
  });
  const last = current === total;
  const following = last ? nextScenario() : null;
  // Claims name boxes by id; people know them by their labels.
  const labels = new Map(step.doc.nodes.map((n) => [n.id, n.label]));
  const name = (id: string) => labels.get(id) ?? id;
  return (
    <aside className="bp-story" aria-label="Story">
      <header className="bp-story__head">
        <div className="bp-story__kicker">
          <span>Story</span>
          <button
            type="button"
            className="bp-btn bp-btn--ghost bp-story__leave"
            onClick={() => runAction('story-leave', 'toolbar')}
          >
            Leave story
          </button>
        </div>
        <h2 className="bp-story__scenario">{scenario.title}</h2>
        <div
          className="bp-story__progress"
          role="progressbar"
          aria-label="Story progress"
          aria-valuemin={1}
          aria-valuemax={total}
          aria-valuenow={current}
          aria-valuetext={`Step ${current} of ${total}`}
        >
          <span style={{ width: `${fraction * 100}%` }} />
        </div>
        <ol className="bp-story__steps">
          {scenario.steps.map((s) => (
            <li key={s.index}>
              <button
                type="button"
                className="bp-story__stepbtn"
                aria-current={s.index === stepIndex ? 'step' : undefined}
                onClick={() => useStoryStore.getState().goTo(s.index)}
              >
                <span className="bp-story__num">{s.index + 1}</span>
                <span className="bp-story__steptitle">{s.title}</span>
              </button>
            </li>
          ))}
        </ol>
      </header>

      <div className="bp-story__body" key={`${scenario.id}/${stepIndex}`}>
        <p className="bp-story__count">
          Step {current} of {total}
        </p>
        <h3 className="bp-story__title">{step.title}</h3>
        <Narrative text={step.narrative} className="bp-story__narrative" />
        {step.notice.text ? (
          <p className="bp-story__notice">
            <strong>Watch: </strong>
            {step.notice.text}
          </p>
        ) : null}
        <WatchList metrics={step.notice.metrics} name={name} />
        {step.expect.length ? (
          <section className="bp-story__section" aria-label="What the run shows">
            <h3 className="bp-story__h">What the run shows</h3>
            <ul className="bp-story__claims">
              {step.expect.map((e) => (
                <li key={`${e.metric}${e.op}${e.value}${e.fromS ?? ''}`}>{claimText(e, name)}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <Questions items={step.questions} />
      </div>

      <footer className="bp-story__foot">
        <div className="bp-story__nav">
          <button
            type="button"
            className="bp-btn"
            disabled={current === 1}
            onClick={() => runAction('story-previous', 'toolbar')}
            aria-keyshortcuts="ArrowLeft PageUp"
          >
            ← Previous
          </button>
          {last && following ? (
            <button
              type="button"
              className="bp-btn bp-btn--primary"
              title={`Next story: ${following.title}`}
              onClick={() => runAction('story-next', 'toolbar')}
              aria-keyshortcuts="ArrowRight PageDown"
            >
              Next story →
            </button>
          ) : (
            <button
              type="button"
              className="bp-btn bp-btn--primary"
              disabled={last}
              onClick={() => runAction('story-next', 'toolbar')}
              aria-keyshortcuts="ArrowRight PageDown"
            >
              Next →
            </button>
          )}
        </div>
        <div className="bp-story__tools">
          {editing ? (
            <button
              type="button"
              className="bp-btn"
              onClick={() => runAction('story-reset', 'toolbar')}
            >
              Reset step
            </button>
          ) : (
            <button
              type="button"
              className="bp-btn"
              onClick={() => runAction('story-try', 'toolbar')}
            >
              Try it yourself
            </button>
          )}
          <button
            type="button"
            className="bp-btn"
            onClick={() => runAction('story-presenter', 'toolbar')}
            aria-keyshortcuts="Shift+P"
          >
            Presenter mode
          </button>
        </div>
        {editing ? (
          <p className="bp-story__editing" role="status">
            Editing is on: change anything and run it. “Reset step” puts the story’s version back.
          </p>
        ) : null}
      </footer>
    </aside>
  );
}
