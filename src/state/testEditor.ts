// An editor for tests (tldraw's TestEditor is the model): it owns a document store with its
// history, a selection, the editor chrome (ui) and a simulation store whose Worker is a
// stand-in that records what it was asked, all made fresh for each editor. While it is
// open, the app's store handles (`useDocumentStore`…) read its stores (slot.ts), so
// actions, commands and components run against it unchanged; `dispose()` puts the app's
// own stores back. The canvas services (fit view, zoom, file picker, image export) are
// stand-ins that count their calls. Story and challenge stores stay the app's: a test
// that needs a story or a challenge drives those stores itself.

import { exampleDocument } from '../model/example.ts';
import type { TopologyDocument } from '../model/types.ts';
import type { LiveApi } from '../worker/liveProtocol.ts';
import { ACTIONS } from './actions/index.ts';
import type { Action, ActionSource } from './actions/types.ts';
import { createDocumentStore, type DocumentState, documentSlot } from './documentStore.ts';
import type { LiveConnection } from './liveClient.ts';
import { createSelectionStore, type SelectionState, selectionSlot } from './selectionStore.ts';
import { type CanvasServices, services } from './services.ts';
import { createSimulationStore, type SimulationState, simulationSlot } from './simulationStore.ts';
import { createUiStore, type UiState, uiSlot } from './uiStore.ts';
import type { StoreApi } from 'zustand';

/** What the stand-in Worker was asked, in order: `start`, `pause`, `inject`… */
export interface LiveCall {
  method: keyof LiveApi;
  args: unknown[];
}

export class TestEditor {
  readonly document: StoreApi<DocumentState>;
  readonly selection: StoreApi<SelectionState>;
  readonly ui: StoreApi<UiState>;
  readonly simulation: StoreApi<SimulationState>;
  /** Calls to the simulation Worker's stand-in. */
  readonly live: LiveCall[] = [];
  /** Calls to the canvas and file services: 'fitView', 'zoomIn', 'openFilePicker', 'png'… */
  readonly serviceCalls: string[] = [];
  private readonly restore: (() => void)[] = [];

  constructor(doc: TopologyDocument = exampleDocument()) {
    this.document = createDocumentStore(doc);
    this.selection = createSelectionStore();
    this.ui = createUiStore();
    this.simulation = createSimulationStore(() => this.connection());
    const before = {
      document: documentSlot.swap(this.document),
      selection: selectionSlot.swap(this.selection),
      ui: uiSlot.swap(this.ui),
      simulation: simulationSlot.swap(this.simulation),
    };
    this.restore.push(() => {
      documentSlot.swap(before.document);
      selectionSlot.swap(before.selection);
      uiSlot.swap(before.ui);
      simulationSlot.swap(before.simulation);
    });
    const saved = { ...services };
    const canvas: CanvasServices = {
      fitView: () => this.serviceCalls.push('fitView'),
      zoomIn: () => this.serviceCalls.push('zoomIn'),
      zoomOut: () => this.serviceCalls.push('zoomOut'),
      viewRect: () => ({ x: 0, y: 0, width: 1200, height: 800 }),
      toFlow: (p) => p,
    };
    services.canvas = canvas;
    services.openFilePicker = () => this.serviceCalls.push('openFilePicker');
    services.exportImage = async (format, title) => {
      this.serviceCalls.push(`${format}:${title}`);
    };
    this.restore.push(() => {
      for (const key of Object.keys(services) as (keyof typeof services)[]) delete services[key];
      Object.assign(services, saved);
    });
  }

  /** Puts the app's own stores and services back. */
  dispose(): void {
    for (const undo = this.restore.reverse(); undo.length > 0; ) undo.shift()!();
  }

  get doc(): TopologyDocument {
    return this.document.getState().doc;
  }

  /** Selects boxes (and connections) by id. */
  select(nodeIds: readonly string[], edgeIds: readonly string[] = []): this {
    this.selection.getState().select(nodeIds, edgeIds);
    return this;
  }

  action(id: string): Action {
    const a = ACTIONS.find((x) => x.id === id);
    if (!a) throw new Error(`no action "${id}"`);
    return a;
  }

  /** Would the action run now (its predicate)? */
  can(id: string, source: ActionSource = 'menu'): boolean {
    const a = this.action(id);
    return a.predicate ? a.predicate({ source }) : true;
  }

  /** Runs the action as the menus do: only when its predicate allows. False when it does not. */
  async run(id: string, source: ActionSource = 'menu'): Promise<boolean> {
    if (!this.can(id, source)) return false;
    await this.action(id).perform({ source });
    return true;
  }

  /** The messages shown, newest last. */
  get toasts(): string[] {
    return this.ui.getState().toasts.map((t) => t.message);
  }

  private connection(): LiveConnection {
    const record =
      (method: keyof LiveApi) =>
      (...args: unknown[]) => {
        this.live.push({ method, args });
        return Promise.resolve(undefined);
      };
    const api = new Proxy({} as Record<string, unknown>, {
      get: (_, method) => record(method as keyof LiveApi),
    }) as unknown as LiveConnection['api'];
    return {
      api,
      call: (fn) => fn(api).then((v) => v),
      expectFrames: () => undefined,
      dispose: () => undefined,
    };
  }
}
