// Mounted once by the app: opens the step a deep link names (#/story/system-3/2), loading
// the scenario catalogue first (it is not on the first page: see catalog.ts), keeps the
// address in step with the player, and leaves presenter mode when the browser leaves full
// screen (its own Escape).

import { useEffect } from 'react';
import type { StoryStep } from '../../story/player.ts';
import { formatStoryHash, parseStoryHash } from '../../story/position.ts';
import { services } from '../../state/services.ts';
import { currentStep, useStoryStore } from '../../state/storyStore.ts';
import { notify, whileLoading } from '../../state/uiStore.ts';
import { loadOnFirstUse } from '../Loading.tsx';
import { startStepRun, stopStoryRun } from './stepRun.ts';

/** The shipped stories, in the story store (loaded on first use). */
export function loadStoryCatalog(): Promise<void> {
  return whileLoading(
    'Loading the story…',
    import('./catalog.ts').then((m) => m.ensureStoryCatalog()),
  );
}

/** The story panel (App renders it inside `Lazy`), loaded with the first story. */
export const StoryPanel = loadOnFirstUse(() =>
  import('./StoryPanel.tsx').then((m) => m.StoryPanel),
);

/**
 * A story link: its panel and catalogue start loading before the app's first render (the
 * entry calls this), so they arrive while the page draws instead of being asked for after.
 */
export function prefetchLinkedStory(): void {
  if (!parseStoryHash(window.location.hash)) return;
  void StoryPanel.preload();
  void import('./catalog.ts');
}

async function openFromHash(): Promise<void> {
  if (!parseStoryHash(window.location.hash)) return;
  // The panel the story opens in loads alongside its catalogue, and is here when it opens.
  await Promise.all([loadStoryCatalog(), StoryPanel.preload()]);
  // Read again: the address may have changed while the catalogue loaded.
  const at = parseStoryHash(window.location.hash);
  if (!at) return;
  const store = useStoryStore.getState();
  if (store.scenario?.id === at.scenarioId) {
    store.goTo(at.step);
    return;
  }
  if (!store.start(at.scenarioId, at.step)) {
    notify(
      'warning',
      `There is no story called “${at.scenarioId}”. Pick one from Story → Open a story.`,
    );
    // The address bar should not keep pointing at a story that is not there: back to the
    // story still open, or to no story at all.
    const open = useStoryStore.getState();
    const hash = open.scenario
      ? formatStoryHash({ scenarioId: open.scenario.id, step: open.step })
      : '';
    history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  }
}

/**
 * A step's document is on the canvas: frame it (after React Flow has measured the new
 * boxes) and start its traffic.
 */
function onStepLoaded(step: StoryStep): void {
  frameDiagram();
  startStepRun(step);
}

/** Fits the view once React Flow has rendered and measured the new boxes. */
function frameDiagram(): void {
  requestAnimationFrame(() => setTimeout(() => services.canvas?.fitView(), 60));
}

export function StoryRoot() {
  useEffect(() => {
    // The address follows the player; replaceState so Back leaves the app, not each step.
    const unsubscribe = useStoryStore.subscribe((s, prev) => {
      if (s.loadCount !== prev.loadCount) {
        const step = currentStep(s);
        if (step) onStepLoaded(step);
      }
      if (prev.scenario && !s.scenario) stopStoryRun();
      if (s.presenter !== prev.presenter) {
        // The canvas changed size: frame the diagram again.
        frameDiagram();
      }
      if (s.scenario === prev.scenario && s.step === prev.step) return;
      const url = new URL(window.location.href);
      const hash = s.scenario ? formatStoryHash({ scenarioId: s.scenario.id, step: s.step }) : '';
      if (url.hash === hash) return;
      if (!hash && !parseStoryHash(url.hash)) return; // someone else's hash: not ours to clear
      url.hash = hash;
      window.history.replaceState(
        window.history.state,
        '',
        hash ? url.href : url.href.replace(/#$/, ''),
      );
    });
    // After subscribing, so a step opened by the link is framed and started like any other.
    const onHash = () => void openFromHash();
    onHash();
    window.addEventListener('hashchange', onHash);
    const onFullscreen = () => {
      if (!document.fullscreenElement && useStoryStore.getState().presenter) {
        useStoryStore.getState().setPresenter(false);
      }
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('fullscreenchange', onFullscreen);
      unsubscribe();
    };
  }, []);
  return null;
}
