// The embed's compact bar: where you are in the story, the run controls the embedding page
// asked for (controls=…), the live figures, and a way out to the full app at the same step
// or with the same diagram (kept up to date as the story moves or the reader edits).

import { useMemo } from 'react';
import { encodeDocumentFragment } from '../../io/share.ts';
import type { TopologyDocument } from '../../model/types.ts';
import { useChallengeStore } from '../../state/challengeStore.ts';
import { SPEEDS, useSimulationStore } from '../../state/simulationStore.ts';
import { challengeDesignHash } from '../../story/challenge/links.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { type StoryState, useStoryStore } from '../../state/storyStore.ts';
import { useUiStore } from '../../state/uiStore.ts';
import { formatStoryHash } from '../../story/position.ts';
import type { EmbedControl } from '../../ui/share/embedOptions.ts';
import { metricsOf, runState, storyInfo } from './run.ts';

/** The full app (beside embed.html), opened on the same story step or the same diagram. */
export function fullAppHref(
  embedHref: string,
  shown: {
    story: Pick<StoryState, 'scenario' | 'step'>;
    doc: TopologyDocument;
    /** A challenge the app has too: it opens there with the reader's design. */
    challengeId?: string | null;
  } | null,
): string {
  const app = new URL('./', embedHref).href;
  if (!shown) return app;
  if (shown.story.scenario) {
    return app + formatStoryHash({ scenarioId: shown.story.scenario.id, step: shown.story.step });
  }
  if (shown.challengeId) {
    const link = challengeDesignHash(shown.challengeId, shown.doc);
    if (link.ok) return app + link.fragment;
  }
  const link = encodeDocumentFragment(shown.doc);
  return link.ok ? app + link.fragment : app;
}

const PATHS = {
  play: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  step: 'M6 5v14l9-7zM17 5h2v14h-2z',
  reset: 'M4 12a8 8 0 1 0 2.4-5.7M4 4v5h5',
  prev: 'M15 5l-7 7 7 7',
  next: 'M9 5l7 7-7 7',
  record: 'M12 5a7 7 0 1 0 0 14a7 7 0 1 0 0-14z',
};

function Icon({ d, filled }: { d: string; filled?: boolean }) {
  return (
    <svg
      width="15"
      height="15"
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={filled ? 0 : 2.2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={d} />
    </svg>
  );
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

function Figures() {
  const status = useSimulationStore((s) => s.status);
  const t = useSimulationStore((s) => s.t);
  const window = useSimulationStore((s) => s.window);
  const m = metricsOf({ t, window });
  const live = status !== 'idle' && status !== 'failed';
  return (
    <dl className="bp-embed__figures" aria-label="Live figures">
      <div>
        <dt>Throughput</dt>
        <dd>{live ? `${fmt(m.throughput_rps)} req/s` : '—'}</dd>
      </div>
      <div>
        <dt>Errors</dt>
        <dd className={live && m.errorRate > 0.01 ? 'is-bad' : ''}>
          {live ? `${fmt(m.errorRate * 100, 1)} %` : '—'}
        </dd>
      </div>
      <div>
        <dt>p95</dt>
        <dd>{live ? `${fmt(m.p95_ms)} ms` : '—'}</dd>
      </div>
      <div>
        <dt>Time</dt>
        <dd data-testid="embed-clock">{live ? `${fmt(m.simTime_s, 1)} s` : '—'}</dd>
      </div>
    </dl>
  );
}

export function EmbedControls({
  controls,
  loaded,
  onReset,
}: {
  controls: ReadonlySet<EmbedControl>;
  /** false when the embed has nothing to show (an unknown story, a damaged diagram). */
  loaded: boolean;
  onReset: () => void;
}) {
  const status = useSimulationStore((s) => s.status);
  const speed = useSimulationStore((s) => s.speed);
  const scenario = useStoryStore((s) => s.scenario);
  const stepIndex = useStoryStore((s) => s.step);
  const doc = useDocumentStore((s) => s.doc);
  const challenge = useChallengeStore((s) => s.challenge);
  const inCatalog = useChallengeStore(
    (s) =>
      s.challenge !== null && s.catalog.some((c) => c.id === s.challenge!.id && c === s.challenge),
  );
  const story = storyInfo({ scenario, step: stepIndex });
  const playing = runState(status) === 'playing';
  // Nothing to run: the run controls stay in place (the layout does not jump) but are off.
  const runnable = loaded && doc.nodes.length > 0;
  const title = loaded ? (challenge?.title ?? doc.title) : 'Backend Playground';
  const openHref = useMemo(
    () =>
      fullAppHref(
        window.location.href,
        loaded
          ? {
              story: { scenario, step: stepIndex },
              doc,
              challengeId: inCatalog ? (challenge?.id ?? null) : null,
            }
          : null,
      ),
    [loaded, scenario, stepIndex, doc, challenge, inCatalog],
  );
  const sim = () => useSimulationStore.getState();
  return (
    <header className={`bp-embed__bar${story ? ' has-story' : ''}`}>
      <div className="bp-embed__where">
        <span className="bp-embed__title" title={story ? story.title : title}>
          {story ? story.title : title}
        </span>
        {story ? (
          <span className="bp-embed__step" title={`${story.title}: ${story.stepTitle}`}>
            Step {story.step} of {story.steps}: {story.stepTitle}
          </span>
        ) : challenge ? (
          <span className="bp-embed__step">Challenge · difficulty {challenge.difficulty} of 5</span>
        ) : null}
      </div>
      {story && controls.has('nav') ? (
        <fieldset className="bp-embed__group" aria-label="Story steps">
          <button
            type="button"
            className="bp-embed__btn"
            aria-label="Previous step"
            disabled={story.step <= 1}
            onClick={() => useStoryStore.getState().previous()}
          >
            <Icon d={PATHS.prev} />
          </button>
          <button
            type="button"
            className="bp-embed__btn"
            aria-label="Next step"
            disabled={story.step >= story.steps}
            onClick={() => useStoryStore.getState().next()}
          >
            <Icon d={PATHS.next} />
          </button>
        </fieldset>
      ) : null}
      <fieldset className="bp-embed__group" aria-label="Run">
        {controls.has('play') ? (
          <button
            type="button"
            className={`bp-embed__btn bp-embed__play${playing ? ' is-playing' : ''}`}
            aria-label={playing ? 'Pause' : 'Play'}
            disabled={!runnable || status === 'fast'}
            onClick={() => sim().togglePlay()}
          >
            <Icon d={playing ? PATHS.pause : PATHS.play} filled />
          </button>
        ) : null}
        {controls.has('step') ? (
          <button
            type="button"
            className="bp-embed__btn"
            aria-label="Step"
            title="Advance a quarter second of playback"
            disabled={!runnable}
            onClick={() => sim().step()}
          >
            <Icon d={PATHS.step} filled />
          </button>
        ) : null}
        {controls.has('reset') ? (
          <button
            type="button"
            className="bp-embed__btn"
            aria-label="Reset run"
            disabled={!runnable}
            onClick={onReset}
          >
            <Icon d={PATHS.reset} />
          </button>
        ) : null}
        {controls.has('speed') ? (
          <select
            className="bp-embed__speed"
            aria-label="Speed"
            disabled={!runnable}
            value={String(speed)}
            onChange={(e) => sim().setSpeed(Number(e.target.value))}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s}×
              </option>
            ))}
          </select>
        ) : null}
      </fieldset>
      {controls.has('record') ? (
        <button
          type="button"
          className="bp-embed__btn bp-embed__record"
          aria-label="Record a video"
          title="Record a video of this canvas (WebM, MP4 or GIF)"
          disabled={!runnable}
          onClick={() => useUiStore.getState().openDialog({ id: 'record' })}
        >
          <Icon d={PATHS.record} filled />
        </button>
      ) : null}
      {controls.has('metrics') ? <Figures /> : null}
      <a
        className="bp-embed__open"
        href={openHref}
        target="_blank"
        rel="noopener"
        title="Open in Backend Playground (new tab)"
        aria-label="Open in Backend Playground"
      >
        <span className="bp-embed__open-word">Open </span>↗
      </a>
    </header>
  );
}
