// @vitest-environment jsdom
// Adding a kind is one folder and one registry line: a throwaway kind (the relay of
// src/kinds/__fixtures__/relay/, not part of the app) gets its line in each layer's
// registry here, and then shows up everywhere a kind does, with nothing else told about
// it: the palette, the inspector, restore and validation, the connection rules, Mermaid
// import (by its words and by its shape) and export, costs, the Compose export, and the
// engine, which runs requests through it.

import { act, createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The one line per layer, as a kind's author writes it in src/kinds/*.ts.
vi.mock('../kinds/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../kinds/index.ts')>();
  const { default: relay } = await import('../kinds/__fixtures__/relay/kind.ts');
  const KIND_DECLS = { ...real.KIND_DECLS, relay };
  return { ...real, KIND_DECLS, KIND_IDS: Object.keys(KIND_DECLS) };
});
vi.mock('../kinds/words.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../kinds/words.ts')>();
  const { default: relay } = await import('../kinds/__fixtures__/relay/words.ts');
  return { ...real, KIND_WORDS: { ...real.KIND_WORDS, relay } };
});
vi.mock('../kinds/behaviours.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../kinds/behaviours.ts')>();
  const { RelayBehaviour } = await import('../kinds/__fixtures__/relay/behaviour.ts');
  return { BEHAVIOURS: { ...real.BEHAVIOURS, relay: RelayBehaviour } };
});
vi.mock('../kinds/configs.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../kinds/configs.ts')>();
  const { compose } = await import('../kinds/__fixtures__/relay/config.ts');
  return { CONFIG_ROWS: { ...real.CONFIG_ROWS, relay: compose } };
});
vi.mock('../kinds/views.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('../kinds/views.tsx')>();
  const { icon } = await import('../kinds/__fixtures__/relay/view.tsx');
  return { ICONS: { ...real.ICONS, relay: icon } };
});

import { exportCompose } from '../io/compose/export.ts';
import { exportMermaid } from '../io/mermaid/export.ts';
import { importMermaid } from '../io/mermaid/import.ts';
import { loadMermaid } from '../io/mermaid/load.ts';
import { designCost } from '../model/cost.ts';
import { defaultConfig, KINDS } from '../model/kinds.ts';
import { restoreDocument } from '../model/restore.ts';
import { canConnectKinds } from '../model/rules.ts';
import { validateDocument } from '../model/schema.ts';
import { NODE_KINDS, type NodeKind, type TopologyDocument } from '../model/types.ts';
import { simulate } from '../sim/simulate.ts';
import { useDocumentStore } from '../state/documentStore.ts';
import { useSelectionStore } from '../state/selectionStore.ts';
import { Inspector } from '../ui/inspector/Inspector.tsx';
import { Palette } from '../ui/Palette.tsx';

const RELAY = 'relay' as NodeKind;

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders into a detached element with the stores as they are, and gives its HTML. */
function render(element: ReactElement): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(element));
  const html = host.innerHTML;
  act(() => root.unmount());
  return html;
}

/** users → relay → app: every request passes the relay. */
function throughRelay(delayMs: number): TopologyDocument {
  const at = { x: 0, y: 0 };
  return {
    version: 1,
    title: 'relay',
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: at,
        config: { ...defaultConfig('client'), rps: 50 },
      },
      { id: 'r', kind: RELAY, label: 'Relay', position: at, config: { delayMs } },
      {
        id: 'app',
        kind: 'app',
        label: 'App',
        position: at,
        config: { ...defaultConfig('app'), serviceTimeMs: 5 },
      },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'r' },
      { id: 'e2', source: 'r', target: 'app' },
    ],
  };
}

beforeAll(async () => {
  await loadMermaid();
});

describe('a kind added in one folder and one registry line', () => {
  it('is a kind of the document: listed, with its defaults', () => {
    expect(NODE_KINDS).toContain('relay');
    expect(KINDS[RELAY].title).toBe('Relay');
    expect(defaultConfig(RELAY)).toEqual({ delayMs: 3 });
  });

  it('appears in the palette, in its section', () => {
    const html = render(createElement(Palette));
    expect(html).toContain('data-kind="relay"');
    expect(html).toContain('aria-label="Add Relay"');
    const section = html.slice(html.indexOf('>Front door<'), html.indexOf('>Compute<'));
    expect(section).toContain('data-kind="relay"');
  });

  it('the inspector shows its settings with their help', () => {
    const doc = throughRelay(7);
    useDocumentStore.getState().resetDocument(doc);
    useSelectionStore.getState().select(['r']);
    const html = render(createElement(Inspector));
    expect(html).toContain('Delay');
    expect(html).toContain('How long a request waits here before it is passed on.');
    expect(html).toContain('value="7"');
  });

  it('restore keeps it and fills its defaults; validation checks its ranges', () => {
    const doc = throughRelay(7);
    const { config: _, ...bare } = doc.nodes[1]!;
    const r = restoreDocument({ ...doc, nodes: [doc.nodes[0], bare, doc.nodes[2]] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc.nodes[1]).toMatchObject({ kind: 'relay', config: { delayMs: 3 } });
    expect(validateDocument(doc)).toEqual([]);
    const bad = throughRelay(-1);
    expect(validateDocument(bad).map((p) => p.path)).toContain('nodes[1].config.delayMs');
  });

  it('keeps to the connection rules it declares', () => {
    expect(canConnectKinds('client', RELAY)).toEqual({ ok: true });
    expect(canConnectKinds(RELAY, 'app')).toEqual({ ok: true });
    expect(canConnectKinds('app', RELAY)).toEqual({
      ok: false,
      reason: 'A relay takes requests from users or nginx.',
    });
    expect(canConnectKinds(RELAY, 'client').ok).toBe(false);
  });

  it('Mermaid import knows it by its words and by its shape', async () => {
    const r = await importMermaid(
      'flowchart LR\n  u([Users]) --> a["Edge relay"]\n  a --> b@{ shape: hourglass, label: "Hop" }\n  b --> s[Orders service]',
      { users: false },
    );
    if (!r.ok) throw new Error(r.error.message);
    const kind = (id: string) => r.doc.nodes.find((n) => n.id === id)?.kind;
    expect(kind('a')).toBe('relay');
    expect(kind('b')).toBe('relay');
    expect(kind('s')).toBe('app');
  });

  it('Mermaid export draws it in its shape, and it comes back as itself', async () => {
    const text = exportMermaid(throughRelay(7));
    expect(text).toContain('@{ shape: hourglass, label: "Relay" }');
    expect(text).toContain('classDef relayKind');
    const back = await importMermaid(text, { users: false });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.doc.nodes.find((n) => n.label === 'Relay')).toMatchObject({
      kind: 'relay',
      config: { delayMs: 7 },
    });
  });

  it('is priced and written to Compose as its row says', () => {
    const cost = designCost(throughRelay(7));
    expect(cost.boxes.find((b) => b.id === 'r')).toMatchObject({
      monthlyUsd: 0,
      why: 'waits 7 ms',
    });
    const out = exportCompose(throughRelay(7));
    expect(out.notes).toContain(
      'Relay is not a service: a relay is a hop in the network, not a container.',
    );
    expect(out.text).not.toContain('relay:');
  });

  it('the engine runs requests through it, each waiting its delay', () => {
    const opts = { seed: 3, durationMs: 20_000, warmupMs: 2000 };
    const slow = simulate(throughRelay(40), opts);
    const fast = simulate(throughRelay(0), opts);
    const relay = slow.nodes.r!;
    expect(relay.arrivals).toBeGreaterThan(500);
    expect(relay.completed).toBeGreaterThan(500);
    expect(slow.nodes.app!.arrivals).toBeGreaterThan(500);
    expect(slow.requests.failed).toBe(0);
    // 40 ms more for every request, give or take the app's own randomness.
    expect(slow.latency_ms.p50 - fast.latency_ms.p50).toBeGreaterThan(35);
  });
});
