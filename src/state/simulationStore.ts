// The live run: talks to the simulation Worker and keeps what the panels show (status,
// clock, every box's figures, the series for the charts, chaos markers, the bottleneck).
// Hop batches do not go through React: the dot layer subscribes with onLiveFrame.
//
// The page never simulates. Edits to the document while a run exists are sent to the
// Worker (lightly debounced) and apply to the running simulation without a restart.

import * as Comlink from 'comlink';
import { createStore, type StoreApi } from 'zustand';
import type { ChaosAction, LinkReport, TimedAction } from '../sim/api.ts';
import type { SeriesPoint, SimEvent, WindowSummary } from '../sim/index.ts';
import type { TopologyDocument } from '../model/types.ts';
import type { ChaosAction as Action } from '../sim/api.ts';
import { mergeFrames } from '../worker/frameQueue.ts';
import type { FastProgress, LiveFrame, LiveNode } from '../worker/liveProtocol.ts';
import { useDocumentStore } from './documentStore.ts';
import { foldCuts } from './cuts.ts';
import type { Callout, findBottleneck } from './liveBottleneck.ts';
import { connectLive, type LiveConnection } from './liveClient.ts';
import { History } from './rewindHistory.ts';
import { storeSlot } from './slot.ts';

export type RunStatus = 'idle' | 'playing' | 'paused' | 'fast' | 'failed';

export interface ChartMarker {
  /** Virtual seconds. */
  t: number;
  text: string;
}

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
/** Charts keep this many seconds. */
const SERIES_KEEP = 600;
const UPDATE_DEBOUNCE_MS = 120;
/** Step advances this much screen time of playback. */
export const STEP_SCREEN_MS = 250;
export const FAST_RUN_MS = 60_000;

export interface SimulationState {
  status: RunStatus;
  speed: number;
  seed: number;
  /** Virtual ms the engine has reached. */
  t: number;
  error: string | null;
  nodes: Record<string, LiveNode>;
  edgeRps: Record<string, number>;
  /** Live figures of connections with retries, a timeout or a breaker, by edge id. */
  links: Record<string, LinkReport>;
  routes: string[];
  series: SeriesPoint[];
  markers: ChartMarker[];
  window: WindowSummary | null;
  traceEvery: number;
  fast: FastProgress | null;
  /** Virtual seconds per real second the clock really runs at (the speed until measured). */
  rate: number;
  /** The engine cannot keep up with the chosen speed (the clock runs at `rate` instead). */
  slipping: boolean;
  callout: Callout | null;
  /** Connections cut in this run (by the user or a story's timed action), until restored. */
  cutEdges: Readonly<Record<string, true>>;
  /**
   * Paused and looking back: the virtual ms shown (figures, badges and charts of that
   * moment, from the rewind history); null shows now.
   */
  viewT: number | null;
  /** The run as it is now (its clock), while viewT looks back. */
  liveT: number;
  /** The earliest moment the timeline can show, ms (null before the first figures). */
  historyStart: number | null;
  /** Paused: shows the moment `t` (virtual ms) of the run so far. */
  viewAt: (t: number) => void;
  /** Back to now (what was shown before looking back). */
  viewNow: () => void;
  /** Goes back to the moment shown: the run is computed again up to there, then plays. */
  playFromHere: () => void;
  /** Starts a fresh run of the current document (story steps call this). */
  start: (options?: { seed?: number; actions?: TimedAction[]; play?: boolean }) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  step: () => void;
  reset: () => void;
  setSpeed: (speed: number) => void;
  setSeed: (seed: number) => void;
  inject: (action: ChaosAction) => void;
  runFast: (ms?: number) => void;
  cancelFast: () => void;
  /** After a fault: a fresh Worker, the same document, playing again. */
  restart: () => void;
  /**
   * The seed and timed actions the next run starts with (a challenge's script), without
   * starting one: Play then runs them.
   */
  prime: (options: { seed?: number; actions?: TimedAction[] }) => void;
}

type FrameListener = (frame: LiveFrame) => void;
const frameListeners = new Set<FrameListener>();
const resetListeners = new Set<() => void>();

/** The dot layer's feed: every frame from the Worker, hops included. */
export function onLiveFrame(listener: FrameListener): () => void {
  frameListeners.add(listener);
  return () => frameListeners.delete(listener);
}

/** Called when a run starts over (dots from before must go). */
export function onLiveReset(listener: () => void): () => void {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

const FLUSH_MS = 250;

/**
 * The bottleneck call-out's code (liveBottleneck.ts): it loads with the first run, as
 * nothing before one needs it. The Worker's first frame comes well after it; a frame that
 * did not wait for it gets its call-out when it arrives.
 */
let bottleneckOf: typeof findBottleneck | null = null;
let bottleneckLoading: Promise<typeof findBottleneck> | null = null;
function loadBottleneck(): Promise<typeof findBottleneck> {
  bottleneckLoading ??= import('./liveBottleneck.ts').then(
    (m) => (bottleneckOf = m.findBottleneck),
    (error: unknown) => {
      bottleneckLoading = null;
      throw error;
    },
  );
  return bottleneckLoading;
}
const NO_HOPS = { count: 0, times: new Float64Array(0), ints: new Int32Array(0), dropped: 0 };

const EMPTY = {
  t: 0,
  nodes: {},
  edgeRps: {},
  links: {},
  routes: [],
  series: [],
  markers: [],
  window: null,
  traceEvery: 1,
  fast: null,
  slipping: false,
  callout: null,
  cutEdges: {},
  viewT: null,
  liveT: 0,
  historyStart: null,
} satisfies Partial<SimulationState>;

type Shown = Pick<
  SimulationState,
  't' | 'nodes' | 'edgeRps' | 'window' | 'callout' | 'series' | 'markers' | 'cutEdges'
>;

/** How each store answers `askLive` (its own connection). */
const asks = new WeakMap<
  StoreApi<SimulationState>,
  <T>(fn: (api: LiveConnection['api']) => Promise<T>) => Promise<T | undefined>
>();

/**
 * A store of its own: the app has one, in `useSimulationStore`; a TestEditor makes one per
 * test, with a stand-in for the Worker (`connect`).
 */
export function createSimulationStore(
  connect: typeof connectLive = connectLive,
): StoreApi<SimulationState> {
  let connection: LiveConnection | null = null;
  /** Bumped by every start(); frames carry it. */
  let runId = 0;
  let lastActions: TimedAction[] = [];
  let updateTimer: ReturnType<typeof setTimeout> | null = null;
  let unsubscribeDoc: (() => void) | null = null;
  /** What each virtual second showed (the timeline's moments). */
  const history = new History();
  /** The run's chaos events so far (cuts are folded from them again after a rewind). */
  let runEvents: SimEvent[] = [];
  /** What was on show before looking back. */
  let stash: Shown | null = null;
  const store = createStore<SimulationState>()((set, get) => {
    // Hops go to the dot layer at once; everything else is gathered and applied to the store
    // at most FLUSH_MS apart, so React renders the panels a few times a second, not per frame.
    let pending: LiveFrame | null = null;
    let flushTimer: ReturnType<typeof setTimeout> | null = null;

    const flush = () => {
      flushTimer = null;
      const frame = pending;
      pending = null;
      if (!frame) return;
      if (get().viewT !== null) get().viewNow();
      const s = get();
      if (s.status === 'failed' || s.status === 'idle') return;
      const patch: Partial<SimulationState> = {
        liveT: frame.t,
        t: frame.t,
        traceEvery: frame.traceEvery,
        rate: frame.rate,
        slipping: frame.slipping,
      };
      if (frame.series.length > 0) {
        const series = s.series.concat(frame.series);
        patch.series = series.length > SERIES_KEEP ? series.slice(-SERIES_KEEP) : series;
      }
      if (frame.events.length > 0) {
        const doc = useDocumentStore.getState().doc;
        patch.markers = s.markers.concat(
          frame.events.map((e) => ({
            t: e.t / 1000,
            text: e.action ? actionText(e.action, doc) : e.text,
          })),
        );
        patch.cutEdges = foldCuts(s.cutEdges, frame.events);
        runEvents = runEvents.concat(frame.events);
      }
      if (frame.nodes) {
        patch.nodes = frame.nodes;
        patch.edgeRps = frame.edgeRps ?? s.edgeRps;
        patch.links = frame.links ?? {};
        patch.window = frame.window ?? s.window;
        const { nodes, edges } = useDocumentStore.getState().doc;
        patch.callout = bottleneckOf
          ? bottleneckOf(nodes, frame.nodes, patch.series ?? s.series, edges)
          : null;
        patch.historyStart = history.first;
      }
      if (frame.routes.length !== s.routes.length) patch.routes = frame.routes;
      set(patch);
    };

    const onFrame = (frame: LiveFrame) => {
      if (frame.runId !== runId) return; // a frame of a run that has been replaced
      for (const l of frameListeners) l(frame);
      if (frame.nodes && frame.window) {
        const { nodes, edges } = useDocumentStore.getState().doc;
        const series = get().series;
        const live = frame.nodes;
        // The call-out of a moment is worked out when that moment is looked at, from what
        // was known then: a fast run of a big diagram sends a frame per virtual second, and
        // judging every box of each of them held the page up for nothing.
        let callout: Callout | null | undefined;
        history.add({
          t: frame.t,
          nodes: live,
          edgeRps: frame.edgeRps ?? {},
          window: frame.window,
          get callout() {
            if (callout === undefined && bottleneckOf)
              callout = bottleneckOf(nodes, live, series, edges);
            return callout ?? null;
          },
        });
      }
      const rest = { ...frame, hops: NO_HOPS };
      pending = pending ? mergeFrames(pending, rest) : rest;
      if (!flushTimer) flushTimer = setTimeout(flush, FLUSH_MS);
    };

    const onFault = (message: string) => {
      connection = null;
      stopWatchingDocument();
      set({ status: 'failed', error: message, fast: null });
    };

    const ensureConnection = (): LiveConnection => {
      if (!bottleneckOf) {
        loadBottleneck().then(
          (find) => {
            // The figures on show came before the code: their call-out now.
            const s = get();
            if (s.status === 'idle' || s.status === 'failed' || s.viewT !== null) return;
            if (s.callout || Object.keys(s.nodes).length === 0) return;
            const { nodes, edges } = useDocumentStore.getState().doc;
            set({ callout: find(nodes, s.nodes, s.series, edges) });
          },
          (error: unknown) => console.error('The bottleneck call-out did not load:', error),
        );
      }
      if (!connection) connection = connect(onFrame, onFault);
      return connection;
    };

    const watchDocument = () => {
      if (unsubscribeDoc) return;
      unsubscribeDoc = useDocumentStore.subscribe((state, prev) => {
        if (state.doc === prev.doc) return;
        if (updateTimer) clearTimeout(updateTimer);
        updateTimer = setTimeout(() => {
          updateTimer = null;
          const doc = useDocumentStore.getState().doc;
          void connection?.call((api) => api.update(doc));
        }, UPDATE_DEBOUNCE_MS);
      });
    };

    const stopWatchingDocument = () => {
      unsubscribeDoc?.();
      unsubscribeDoc = null;
      if (updateTimer) clearTimeout(updateTimer);
      updateTimer = null;
    };

    return {
      status: 'idle',
      speed: 1,
      seed: 1,
      error: null,
      rate: 1,
      ...EMPTY,

      start: (options = {}) => {
        const seed = options.seed ?? get().seed;
        const play = options.play ?? true;
        lastActions = options.actions ?? [];
        const conn = ensureConnection();
        for (const l of resetListeners) l();
        history.clear();
        runEvents = [];
        stash = null;
        set({
          ...EMPTY,
          seed,
          error: null,
          status: play ? 'playing' : 'paused',
          rate: get().speed,
        });
        watchDocument();
        conn.expectFrames(play);
        const doc = useDocumentStore.getState().doc;
        runId++;
        pending = null;
        const startOptions = { runId, seed, speed: get().speed, actions: lastActions, play };
        void conn.call((api) => api.start(doc, startOptions));
      },

      play: () => {
        get().viewNow();
        const s = get();
        if (s.status === 'idle' || s.status === 'failed') {
          s.start({ actions: lastActions });
          return;
        }
        if (s.status !== 'paused' || !connection) return;
        set({ status: 'playing' });
        connection.expectFrames(true);
        void connection.call((api) => api.play());
      },

      pause: () => {
        if (get().status !== 'playing' || !connection) return;
        set({ status: 'paused', slipping: false });
        connection.expectFrames(false);
        void connection.call((api) => api.pause());
      },

      togglePlay: () => (get().status === 'playing' ? get().pause() : get().play()),

      step: () => {
        get().viewNow();
        const s = get();
        if (s.status === 'idle' || s.status === 'failed') {
          s.start({ actions: lastActions, play: false });
        } else if (s.status === 'playing') s.pause();
        if (get().status === 'fast') return;
        const ms = Math.max(10, STEP_SCREEN_MS * get().speed);
        void connection?.call((api) => api.step(ms));
      },

      reset: () => {
        runId++;
        pending = null;
        stopWatchingDocument();
        void connection?.call((api) => api.stop());
        connection?.expectFrames(false);
        for (const l of resetListeners) l();
        history.clear();
        runEvents = [];
        stash = null;
        set({ ...EMPTY, status: 'idle', error: null });
      },

      setSpeed: (speed) => {
        const clamped = Math.min(100, Math.max(0.1, Number.isFinite(speed) ? speed : 1));
        // Until the engine has measured the new speed, nothing is known to be slipping.
        set({ speed: clamped, rate: clamped, slipping: false });
        void connection?.call((api) => api.setSpeed(clamped));
      },

      setSeed: (seed) => {
        if (!Number.isFinite(seed)) return;
        set({ seed: Math.max(0, Math.floor(seed)) });
      },

      inject: (action) => {
        get().viewNow();
        const s = get();
        if (s.status === 'idle' || s.status === 'failed') s.start({ actions: lastActions });
        void connection?.call((api) => api.inject(action));
      },

      runFast: (ms = FAST_RUN_MS) => {
        get().viewNow();
        const s = get();
        if (s.status === 'fast') return;
        if (s.status === 'idle' || s.status === 'failed')
          s.start({ actions: lastActions, play: false });
        const conn = connection;
        if (!conn) return;
        set({ status: 'fast', fast: { doneMs: 0, totalMs: ms } });
        conn.expectFrames(true);
        for (const l of resetListeners) l();
        void conn
          .call((api) =>
            api.runFast(
              ms,
              // Comlink proxies the callback; progress arrives as the Worker computes.
              Comlink.proxy((p: FastProgress) => {
                if (get().status === 'fast') set({ fast: p });
              }),
            ),
          )
          .then(() => {
            if (get().status !== 'fast') return;
            conn.expectFrames(false);
            set({ status: 'paused', fast: null });
          });
      },

      cancelFast: () => {
        if (get().status !== 'fast') return;
        void connection?.call((api) => api.cancelFast());
      },

      restart: () => {
        connection?.dispose();
        connection = null;
        set({ error: null, status: 'idle' });
        get().start({ actions: lastActions });
      },

      viewAt: (t) => {
        const s = get();
        if (s.status !== 'paused') return;
        const live = stash ?? s;
        if (t >= live.t) {
          s.viewNow();
          return;
        }
        const snap = history.at(t);
        if (!snap) return;
        if (stash === null) {
          stash = {
            t: s.t,
            nodes: s.nodes,
            edgeRps: s.edgeRps,
            window: s.window,
            callout: s.callout,
            series: s.series,
            markers: s.markers,
            cutEdges: s.cutEdges,
          };
        }
        const at = Math.max(snap.t, Math.min(t, live.t));
        set({
          viewT: at,
          t: at,
          nodes: snap.nodes,
          edgeRps: snap.edgeRps,
          window: snap.window,
          callout: snap.callout,
          series: stash.series.filter((p) => p.t * 1000 <= at),
          markers: stash.markers.filter((m) => m.t * 1000 <= at),
          cutEdges: foldCuts(
            {},
            runEvents.filter((e) => e.t <= at),
          ),
        });
      },

      viewNow: () => {
        if (get().viewT === null || stash === null) return;
        const back = stash;
        stash = null;
        set({ ...back, viewT: null });
      },

      playFromHere: () => {
        const s = get();
        const t = s.viewT;
        const conn = connection;
        if (t === null || s.status !== 'paused' || !conn || stash === null) return;
        const kept = { series: s.series, markers: s.markers, cutEdges: s.cutEdges };
        set({ status: 'fast', fast: { doneMs: 0, totalMs: t } });
        conn.expectFrames(true);
        for (const l of resetListeners) l();
        void conn
          .call((api) =>
            api.rewind(
              t,
              Comlink.proxy((p: FastProgress) => {
                if (get().status === 'fast') set({ fast: p });
              }),
            ),
          )
          .then((result) => {
            if (get().status !== 'fast') return;
            conn.expectFrames(false);
            if (!result || result.cancelled) {
              // Cancelled: the run stays where it was, still looking back at t.
              set({ status: 'paused', fast: null });
              return;
            }
            // What came after t never happened.
            stash = null;
            history.truncate(t);
            runEvents = runEvents.filter((e) => e.t <= t);
            set({ ...kept, status: 'paused', fast: null, viewT: null, liveT: t, t });
            get().play();
          });
      },

      prime: (options) => {
        lastActions = options.actions ?? [];
        if (options.seed !== undefined) get().setSeed(options.seed);
      },
    };
  });
  asks.set(store, (fn) => (connection ? connection.call(fn) : Promise.resolve(undefined)));
  return store;
}

const simulationStore = storeSlot(() => createSimulationStore());
export const useSimulationStore = simulationStore.hook;
/** Where `useSimulationStore` finds its store (TestEditor swaps it). */
export const simulationSlot = simulationStore.slot;

/**
 * A question for the running simulation (a journey, the list of notable requests): undefined
 * when no run is connected or the call failed (the fault banner then says why).
 */
export function askLive<T>(fn: (api: LiveConnection['api']) => Promise<T>): Promise<T | undefined> {
  const ask = asks.get(simulationSlot.current());
  return ask ? ask(fn) : Promise.resolve(undefined);
}

/** "1.1" for a rate, "12" once it is 10 or more. */
export function formatRate(rate: number): string {
  if (rate >= 10) return String(Math.round(rate));
  if (rate >= 1) return rate.toFixed(1);
  return rate.toFixed(2);
}

/** "running at 1.1× — the diagram is too busy for 100×" while the clock slips. */
export function slipText(rate: number, speed: number): string {
  return `running at ${formatRate(rate)}× — the diagram is too busy for ${speed}×`;
}

/** Is a run on screen (playing, paused or computing)? For action predicates. */
export function runActive(): boolean {
  const s = useSimulationStore.getState().status;
  return s === 'playing' || s === 'paused' || s === 'fast';
}

/** An injected action in words, with the boxes' and links' names ("crash App 1"). */
export function actionText(a: Action, doc: TopologyDocument): string {
  const box = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const link = (id: string) => {
    const e = doc.edges.find((x) => x.id === id);
    return e ? `${box(e.source)}→${box(e.target)}` : id;
  };
  switch (a.type) {
    case 'crash':
      return `crash ${box(a.node)}`;
    case 'restart':
      return `restart ${box(a.node)}`;
    case 'slow':
      return a.factor === 1 ? `${box(a.node)} normal speed` : `slow ${box(a.node)} ×${a.factor}`;
    case 'errorRate':
      return `${box(a.node)} fails ${Math.round(a.rate * 100)}%`;
    case 'cut':
      return `cut ${link(a.edge)}`;
    case 'restore':
      return `restore ${link(a.edge)}`;
    case 'rollingRestart':
      return `rolling restart ${box(a.node)}`;
    case 'setRps':
      return `${box(a.node)} ${a.rps} req/s`;
    case 'spike':
      return `spike ${box(a.node)} ×${a.factor}`;
  }
}
