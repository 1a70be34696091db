// Presenter mode's caption: the step's title and narrative, large, over the bottom of the
// full-screen canvas, with where we are and how to move on.

import { currentStep, useStoryStore } from '../../state/storyStore.ts';
import { LiveCaptionToggle } from '../captions/LiveCaption.tsx';
import { Narrative } from './Narrative.tsx';
import './presenter.css';

export function PresenterCaption() {
  const scenario = useStoryStore((s) => s.scenario);
  const step = useStoryStore(currentStep);
  if (!scenario || !step) return null;
  return (
    <section className="bp-presenter" aria-label="Presenter caption" aria-live="polite">
      <div className="bp-presenter__meta">
        <span>{scenario.title}</span>
        <span>
          Step {step.index + 1} of {scenario.steps.length} · ← → to move · Esc to leave{' '}
          <LiveCaptionToggle />
        </span>
      </div>
      <h2 className="bp-presenter__title">{step.title}</h2>
      <Narrative text={step.narrative} className="bp-presenter__text" />
    </section>
  );
}
