import { describe, expect, it } from 'vitest';
import { linkGuarded, linkNumber, linkSummary } from '../model/linkSettings.ts';
import type { TopologyDocument } from '../model/types.ts';
import { setEdgeConfigValue } from './docOps.ts';

const doc = (): TopologyDocument => ({
  version: 1,
  title: 't',
  nodes: [
    { id: 'a', kind: 'client', label: 'A', position: { x: 0, y: 0 }, config: {} },
    { id: 'b', kind: 'app', label: 'B', position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e', source: 'a', target: 'b' }],
});

describe('setEdgeConfigValue', () => {
  it('setting a value back to its default takes the config away again', () => {
    const d = doc();
    const on = setEdgeConfigValue(d, 'e', 'retries', 3);
    expect(on.edges[0]!.config).toEqual({ retries: 3 });
    expect(linkGuarded(on.edges[0]!)).toBe(true);
    expect(linkSummary(on.edges[0]!.config)).toBe('3 retries');
    const off = setEdgeConfigValue(on, 'e', 'retries', 0);
    expect(off.edges[0]).toEqual(d.edges[0]);
    expect(setEdgeConfigValue(d, 'e', 'unknown', 1)).toBe(d);
    expect(linkNumber(undefined, 'breakerOpenMs')).toBe(5000);
  });
});
