// The embed: the real canvas, stores and simulation of the app with minimal chrome, sized to
// its frame. It loads what the URL names, follows the options (read-only, autoplay, which
// controls, theme) and talks to the embedding page through the postMessage API: it always
// says `ready` (with state 'error' and the reason when there is nothing to show), and it
// answers a command it cannot do as asked with a `warning`.

import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Lazy, loadOnFirstUse } from '../../ui/Loading.tsx';
import { Canvas } from '../../canvas/Canvas.tsx';
import { onGraded, useChallengeStore } from '../../state/challengeStore.ts';
import { BIG_DIAGRAM } from '../../canvas/flow.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { services } from '../../state/services.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import { LiveRoot } from '../../ui/live/LiveRoot.tsx';
import { RecordRoot } from '../../ui/record/RecordRoot.tsx';
import { type EmbedParams, storyName } from '../../ui/share/embedOptions.ts';
import { type Bridge, startBridge } from './bridge.ts';
import { EmbedControls } from './EmbedControls.tsx';
import { type FrameSize, fitOptions, frameSize } from './frame.ts';
import type { Loaded } from './load.ts';
import { type Command, createThrottle, PROTOCOL_VERSION, storyCommandWarning } from './protocol.ts';
import { challengeInfo, gradedResult, metricsOf, runState, startRun, storyInfo } from './run.ts';

// Only a challenge embed shows the challenge panel, the palette and the inspector and has the
// editor's keys: they load with the challenge (the keys as soon as the link says challenge).
const ChallengePanel = loadOnFirstUse(() =>
  import('../../ui/challenge/ChallengePanel.tsx').then((m) => m.ChallengePanel),
);
const Palette = loadOnFirstUse(() => import('./challengeParts.tsx').then((m) => m.Palette));
const Inspector = loadOnFirstUse(() => import('./challengeParts.tsx').then((m) => m.Inspector));
const ChallengeShortcuts = loadOnFirstUse(() =>
  import('./challengeParts.tsx').then((m) => m.ChallengeShortcuts),
);

const METRICS_INTERVAL_MS = 1000;
const LOG = '[Backend Playground embed]';

// `ready` (and the notes that follow it) go once per page, even when React runs effects
// twice in development.
let greeted = false;

const STORY_COMMANDS: ReadonlySet<Command['type']> = new Set([
  'goToStep',
  'nextStep',
  'previousStep',
]);

/**
 * The page sent a challenge file: show it, or say what is wrong with it (nothing changes).
 * The challenge loader (and zod) loads with the first one.
 */
async function loadFromPage(
  json: unknown,
  post: (event: Parameters<Bridge['post']>[0]) => void,
): Promise<string | null> {
  const [{ loadChallenge }, { formatChallengeIssue }] = await Promise.all([
    import('../../story/challenge/load.ts'),
    import('../../story/challenge/schema.ts'),
  ]);
  const loaded = loadChallenge(json, 'the page’s challenge');
  if (!loaded.ok) {
    const issues = loaded.issues.slice(0, 8).map(formatChallengeIssue).join('; ');
    return `loadChallenge: the challenge was not opened, it has problems: ${issues}`;
  }
  useChallengeStore.getState().open(loaded.challenge, { origin: 'embed', persist: false });
  post({ type: 'challengeLoaded', challenge: challengeInfo(loaded.challenge)! });
  return null;
}

/**
 * Carries out a command from the host page. Returns what to tell the host when the command
 * could not be done as asked (nothing to run, no story, a step past the end), else null.
 */
function runCommand(
  command: Command,
  loaded: Loaded,
  post: (event: Parameters<Bridge['post']>[0]) => void,
): string | null | Promise<string | null> {
  if (!loaded.ok) return `${command.type}: nothing to run here. ${loaded.reason}`;
  const sim = useSimulationStore.getState();
  const story = useStoryStore.getState();
  if (command.type === 'loadChallenge' || command.type === 'check') {
    if (loaded.kind !== 'challenge') {
      return `${command.type} needs a challenge embed (embed.html?challenge=ID, or challenge=from-page)`;
    }
    if (command.type === 'loadChallenge') return loadFromPage(command.challenge, post);
    const challenge = useChallengeStore.getState();
    if (!challenge.challenge) return 'check: no challenge yet; send one with loadChallenge';
    if (challenge.status === 'grading') return 'check: a Check is already running';
    void challenge.check();
    return null;
  }
  if (STORY_COMMANDS.has(command.type)) {
    const info = storyInfo(story);
    if (loaded.kind !== 'story' || !info) {
      return `${command.type} needs a story; this embed shows a diagram`;
    }
    const warning = storyCommandWarning(command, {
      step: info.step,
      steps: info.steps,
      name: storyName(info.title),
    });
    if (command.type === 'nextStep') story.next();
    else if (command.type === 'previousStep') story.previous();
    else if (command.type === 'goToStep') story.goTo(command.step - 1); // clamped to the last
    return warning;
  }
  if (useDocumentStore.getState().doc.nodes.length === 0) {
    return `${command.type}: nothing to run, the diagram has no boxes`;
  }
  switch (command.type) {
    case 'play':
      sim.play();
      break;
    case 'pause':
      sim.pause();
      break;
    case 'step':
      sim.step();
      break;
    case 'reset':
      startRun(story, false);
      break;
  }
  return null;
}

/** URL settings not used as written, and what was shown instead of what was asked. */
function notesOf(params: EmbedParams, loaded: Loaded): string[] {
  return [...params.problems, ...(loaded.ok ? loaded.notes : [])];
}

interface EmbedProps {
  params: EmbedParams;
  loaded: Loaded;
  embedId: string | null;
}

export function EmbedApp(props: EmbedProps) {
  return (
    <ReactFlowProvider>
      <EmbedShell {...props} />
    </ReactFlowProvider>
  );
}

function EmbedShell({ params, loaded, embedId }: EmbedProps) {
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const flow = useReactFlow();
  const hasStory = loaded.ok && loaded.kind === 'story';
  const empty = useDocumentStore((s) => s.doc.nodes.length === 0);
  const notes = notesOf(params, loaded);

  // How much the frame can show (small frames: the diagram alone, as large as it fits), and
  // framing the diagram to match, with room for whatever else the canvas shows.
  const [frame, setFrame] = useState<FrameSize>('large');
  const frameRef = useRef({ size: 'large' as FrameSize, width: 1000 });
  const measure = useCallback(() => {
    const el = stage.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const size = frameSize(width, height);
    frameRef.current = { size, width };
    setFrame(size);
  }, []);
  const flowRef = useRef(flow);
  flowRef.current = flow;
  const fit = useCallback(() => {
    // A big diagram: React Flow knows only the boxes near the view; the canvas frames it all.
    if (useDocumentStore.getState().doc.nodes.length >= BIG_DIAGRAM) {
      services.canvas?.fitView();
      return;
    }
    const { size, width } = frameRef.current;
    void flowRef.current.fitView({ ...fitOptions(size, width), duration: 200 });
  }, []);
  const fitSoon = useCallback(() => requestAnimationFrame(() => requestAnimationFrame(fit)), [fit]);
  useLayoutEffect(measure, [measure]);

  useEffect(() => {
    const b = startBridge(params.origins, embedId, (command) => {
      const tell = (warning: string | null) => {
        if (!warning) return;
        console.warn(`${LOG} ${warning}`);
        b.post({ type: 'warning', message: warning, command: command.type });
      };
      const warning = runCommand(command, loaded, (event) => b.post(event));
      if (typeof warning === 'object' && warning !== null) void warning.then(tell);
      else tell(warning);
    });
    const greet = () => {
      if (greeted) return;
      greeted = true;
      if (!loaded.ok) b.post({ type: 'error', reason: loaded.reason });
      b.post({
        type: 'ready',
        version: PROTOCOL_VERSION,
        title: loaded.ok ? useDocumentStore.getState().doc.title : null,
        story: storyInfo(useStoryStore.getState()),
        challenge: challengeInfo(useChallengeStore.getState().challenge),
        state: loaded.ok ? runState(useSimulationStore.getState().status) : 'error',
        error: loaded.ok ? null : loaded.reason,
      });
      for (const note of notesOf(params, loaded)) b.post({ type: 'warning', message: note });
    };
    if (!loaded.ok) {
      greet();
      return () => b.dispose();
    }

    // The first run: paused at 0 s unless autoplay; later story steps keep playing if the
    // run was playing when the step changed (as in the app's story mode).
    startRun(useStoryStore.getState(), params.autoplay);
    fitSoon();

    const unsubscribeStory = useStoryStore.subscribe((s, prev) => {
      if (s.loadCount === prev.loadCount) return;
      // Each step loads read-only, as in the app; readonly=0 keeps every step editable.
      if (!params.readOnly && !s.editing) useStoryStore.getState().tryIt();
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

    // Every Check (the learner's or the page's) goes to the page, to record.
    const unsubscribeGraded = onGraded((grade, challenge) =>
      b.post({ type: 'graded', ...gradedResult(grade, challenge) }),
    );
    const unsubscribeChallenge = useChallengeStore.subscribe((s, prev) => {
      if (s.challenge !== prev.challenge && s.challenge) fitSoon();
    });

    greet();
    return () => {
      unsubscribeStory();
      unsubscribeSim();
      unsubscribeGraded();
      unsubscribeChallenge();
      if (trailing) clearTimeout(trailing);
      b.dispose();
    };
  }, [loaded, params, embedId, fitSoon]);

  // Sized to its frame: when the iframe changes size, measure again and frame the diagram.
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      measure();
      if (timer) clearTimeout(timer);
      timer = setTimeout(fit, 120);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [measure, fit]);

  const status = useSimulationStore((s) => s.status);
  const isChallenge = loaded.ok && loaded.kind === 'challenge';
  const challenge = useChallengeStore((s) => s.challenge);
  const stageBox = (
    <div ref={stage} className="bp-embed__stage">
      <Canvas refitOnResize={false} />
      <LiveRoot />
      {params.controls.has('record') ? <RecordRoot /> : null}
      {loaded.ok ? (
        isChallenge && !challenge ? (
          <div className="bp-embed__message bp-embed__message--info" role="status">
            <strong>Waiting for a challenge</strong>
            <span>The course page sends it with the loadChallenge command.</span>
          </div>
        ) : empty && !isChallenge ? (
          <div className="bp-embed__message bp-embed__message--info" role="status">
            <strong>This diagram has no boxes yet</strong>
            <span>There is nothing to run.</span>
          </div>
        ) : null
      ) : (
        <div className="bp-embed__message" role="alert">
          <strong>{loaded.title}</strong>
          <span>{loaded.details}</span>
        </div>
      )}
    </div>
  );
  return (
    <div
      ref={root}
      className={`bp-embed bp-embed--${params.theme}${params.readOnly && !isChallenge ? ' is-readonly' : ''}${isChallenge ? ' bp-embed--challenge' : ''}`}
      data-state={loaded.ok ? runState(status) : 'error'}
      data-frame={frame}
    >
      {isChallenge ? <ChallengeShortcuts /> : null}
      {params.controls.size > 0 || hasStory ? (
        <EmbedControls
          controls={params.controls}
          loaded={loaded.ok}
          onReset={() => startRun(useStoryStore.getState(), false)}
        />
      ) : null}
      {notes.length ? (
        <p className="bp-embed__problems" role="note">
          Embed settings: {notes.join('; ')}.
        </p>
      ) : null}
      {isChallenge ? (
        <div className="bp-embed__challenge">
          {challenge ? (
            <Lazy what="the challenge">
              <ChallengePanel compact />
            </Lazy>
          ) : null}
          {challenge ? (
            <Lazy what="the palette" fixed={false}>
              <Palette />
            </Lazy>
          ) : null}
          {stageBox}
          {challenge ? (
            <Lazy what="the inspector" fixed={false}>
              <Inspector />
            </Lazy>
          ) : null}
        </div>
      ) : (
        stageBox
      )}
    </div>
  );
}
