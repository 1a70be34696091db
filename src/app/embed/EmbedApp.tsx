// The embed: the real canvas, stores and simulation of the app with minimal chrome, sized to
// its frame. It loads what the URL names, follows the options (read-only, autoplay, which
// controls, theme) and talks to the embedding page through the postMessage API.

import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { Canvas } from '../../canvas/Canvas.tsx';
import { encodeDocumentFragment } from '../../io/share.ts';
import { services } from '../../state/services.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import { LiveRoot } from '../../ui/live/LiveRoot.tsx';
import type { EmbedParams } from '../../ui/share/embedOptions.ts';
import { formatStoryHash } from '../../story/player.ts';
import { type Bridge, startBridge } from './bridge.ts';
import { EmbedControls } from './EmbedControls.tsx';
import type { Loaded } from './load.ts';
import { type Command, createThrottle } from './protocol.ts';
import { metricsOf, runState, startRun, storyInfo } from './run.ts';

const METRICS_INTERVAL_MS = 1000;

const fitSoon = () =>
  requestAnimationFrame(() => requestAnimationFrame(() => services.canvas?.fitView()));

/** The full app, opened on the same story step or diagram. */
function fullAppHref(): string {
  const app = new URL('./', window.location.href).href;
  const story = useStoryStore.getState();
  if (story.scenario)
    return app + formatStoryHash({ scenarioId: story.scenario.id, step: story.step });
  const link = encodeDocumentFragment(useDocumentStore.getState().doc);
  return link.ok ? app + link.fragment : app;
}

function runCommand(command: Command, hasStory: boolean): void {
  const sim = useSimulationStore.getState();
  const story = useStoryStore.getState();
  switch (command.type) {
    case 'play':
      sim.play();
      return;
    case 'pause':
      sim.pause();
      return;
    case 'step':
      sim.step();
      return;
    case 'reset':
      startRun(story, false);
      return;
    default:
      if (!hasStory) {
        console.warn(
          `[Backend Playground embed] “${command.type}” needs a story; this embed shows a diagram.`,
        );
        return;
      }
      if (command.type === 'nextStep') story.next();
      else if (command.type === 'previousStep') story.previous();
      else story.goTo(command.step - 1);
  }
}

export function EmbedApp({
  params,
  loaded,
  embedId,
}: {
  params: EmbedParams;
  loaded: Loaded;
  embedId: string | null;
}) {
  const root = useRef<HTMLDivElement>(null);
  const bridge = useRef<Bridge | null>(null);
  const title = useDocumentStore((s) => s.doc.title);
  const hasStory = loaded.ok && loaded.kind === 'story';

  useEffect(() => {
    if (!loaded.ok) return;
    const b = startBridge(params.origins, embedId, (c) => runCommand(c, hasStory));
    bridge.current = b;
    // The first run: paused at 0 s unless autoplay; later story steps keep playing if the
    // run was playing when the step changed (as in the app's story mode).
    startRun(useStoryStore.getState(), params.autoplay);
    fitSoon();

    const unsubscribeStory = useStoryStore.subscribe((s, prev) => {
      if (s.loadCount === prev.loadCount) return;
      const wasPlaying = runState(useSimulationStore.getState().status) === 'playing';
      startRun(s, wasPlaying || params.autoplay);
      fitSoon();
      const info = storyInfo(s);
      if (info) b.post({ type: 'stepChanged', story: info });
    });

    const throttle = createThrottle(METRICS_INTERVAL_MS);
    let trailing: ReturnType<typeof setTimeout> | undefined;
    const sendMetrics = () => {
      trailing = undefined;
      if (!throttle.ready()) {
        trailing = setTimeout(sendMetrics, throttle.wait());
        return;
      }
      b.post({ type: 'metrics', metrics: metricsOf(useSimulationStore.getState()) });
    };
    const unsubscribeSim = useSimulationStore.subscribe((s, prev) => {
      const state = runState(s.status);
      if (state !== runState(prev.status)) b.post({ type: 'state', state });
      if ((s.t !== prev.t || s.window !== prev.window) && state !== 'idle' && !trailing)
        sendMetrics();
    });

    b.post({
      type: 'ready',
      version: 1,
      title: useDocumentStore.getState().doc.title,
      story: storyInfo(useStoryStore.getState()),
      state: runState(useSimulationStore.getState().status),
    });
    return () => {
      unsubscribeStory();
      unsubscribeSim();
      if (trailing) clearTimeout(trailing);
      b.dispose();
    };
  }, [loaded, params, embedId, hasStory]);

  // Sized to its frame: when the iframe changes size, frame the diagram again.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => services.canvas?.fitView(), 120);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const status = useSimulationStore((s) => s.status);
  return (
    <ReactFlowProvider>
      <div
        ref={root}
        className={`bp-embed bp-embed--${params.theme}${params.readOnly ? ' is-readonly' : ''}`}
        data-state={runState(status)}
      >
        {params.controls.size > 0 || hasStory ? (
          <EmbedControls
            controls={params.controls}
            title={title}
            fullAppHref={loaded.ok ? fullAppHref() : new URL('./', window.location.href).href}
            onReset={() => startRun(useStoryStore.getState(), false)}
          />
        ) : null}
        {params.problems.length ? (
          <p className="bp-embed__problems" role="note">
            Embed settings ignored: {params.problems.join('; ')}.
          </p>
        ) : null}
        <div className="bp-embed__stage">
          <Canvas />
          <LiveRoot />
          {loaded.ok ? null : (
            <div className="bp-embed__message" role="alert">
              <strong>{loaded.title}</strong>
              <span>{loaded.details}</span>
            </div>
          )}
        </div>
      </div>
    </ReactFlowProvider>
  );
}
