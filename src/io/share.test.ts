import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { defaultConfig } from '../model/kinds.ts';
import { NODE_KINDS, type TopologyDocument } from '../model/types.ts';
import {
  DOC_HASH_PREFIX,
  decodeDocumentFragment,
  encodeDocumentFragment,
  isDocumentFragment,
  LONG_LINK_CHARS,
} from './share.ts';

function encode(doc: TopologyDocument): string {
  const r = encodeDocumentFragment(doc);
  if (!r.ok) throw new Error(r.message);
  return r.fragment;
}

/** 30 boxes of every kind, wired in a chain, with a few settings changed: a sizeable sketch. */
function thirtyNodeDocument(): TopologyDocument {
  const nodes = Array.from({ length: 30 }, (_, i) => {
    const kind = NODE_KINDS[i % (NODE_KINDS.length - 1)]!; // no groups: keep it a chain
    return {
      id: `${kind}-${i}`,
      kind,
      label: `${kind} number ${i}`,
      position: { x: (i % 6) * 220, y: Math.floor(i / 6) * 140 },
      config: defaultConfig(kind),
    };
  });
  nodes[0]!.config = { ...nodes[0]!.config, rps: 480 };
  const edges = nodes.slice(1).map((n, i) => ({
    id: `e${i}`,
    source: nodes[i]!.id,
    target: n.id,
    ...(i % 5 === 0 ? { label: '/api' } : {}),
  }));
  return { version: 1, title: 'Thirty boxes', direction: 'LR', nodes, edges };
}

describe('share link codec', () => {
  it('round-trips the example document exactly', () => {
    const doc = exampleDocument();
    const fragment = encode(doc);
    expect(fragment.startsWith(`${DOC_HASH_PREFIX}v1.`)).toBe(true);
    expect(isDocumentFragment(fragment)).toBe(true);
    const back = decodeDocumentFragment(fragment);
    expect(back).toEqual({ ok: true, doc, warnings: [] });
  });

  it('keeps settings that differ from the defaults, groups, parents and sizes', () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'Hosts “and” ünïcode ✓',
      nodes: [
        {
          id: 'h',
          kind: 'group',
          label: 'Host',
          position: { x: -10.5, y: 3 },
          size: { width: 400, height: 300 },
          config: defaultConfig('group'),
        },
        {
          id: 'a',
          kind: 'app',
          label: '<b>not html</b>',
          position: { x: 20, y: 40 },
          parent: 'h',
          config: { ...defaultConfig('app'), concurrency: 7, serviceDist: 'lognormal' },
        },
      ],
      edges: [],
    };
    expect(decodeDocumentFragment(encode(doc))).toEqual({ ok: true, doc, warnings: [] });
  });

  it('makes a link of reasonable length for a 30-box diagram', () => {
    const doc = thirtyNodeDocument();
    const fragment = encode(doc);
    const json = JSON.stringify(doc).length;
    // Defaults left out and compressed: far smaller than the JSON, well within what chat
    // apps, email and browsers handle.
    expect(fragment.length).toBeLessThan(json / 3);
    expect(fragment.length).toBeLessThan(2500);
    expect(fragment.length).toBeLessThan(LONG_LINK_CHARS);
    const back = decodeDocumentFragment(fragment);
    expect(back.ok && back.doc).toEqual(doc);
  });

  it('only uses characters that survive in a URL unescaped', () => {
    const fragment = encode(thirtyNodeDocument());
    expect(fragment).toMatch(/^#\/doc\/v1\.[A-Za-z0-9+$-]+$/);
  });

  it('explains a link without a format version', () => {
    const r = decodeDocumentFragment('#/doc/abc');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/format version/);
  });

  it('explains a link from a future format instead of misreading it', () => {
    const r = decodeDocumentFragment('#/doc/v9.N4Igxg');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/format “v9”/);
  });

  it('explains damaged compression', () => {
    for (const bad of ['#/doc/v1.', '#/doc/v1.%%%%', '#/doc/v1.AAAA']) {
      const r = decodeDocumentFragment(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/damaged|cut short/);
    }
  });

  it('explains a link cut short', () => {
    const fragment = encode(thirtyNodeDocument());
    const r = decodeDocumentFragment(fragment.slice(0, Math.floor(fragment.length / 2)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/damaged/);
  });

  it('explains data that is JSON but not a document, naming the JSON path', () => {
    const notDoc = `#/doc/v1.${LZString.compressToEncodedURIComponent('[1,2,3]')}`;
    const r1 = decodeDocumentFragment(notDoc);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.errors[0]).toMatchObject({ path: '$' });

    const badKind = { version: 1, title: 'x', nodes: [{ id: 'a', kind: 'spaceship' }], edges: [] };
    const r2 = decodeDocumentFragment(
      `#/doc/v1.${LZString.compressToEncodedURIComponent(JSON.stringify(badKind))}`,
    );
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.errors[0]!.path).toBe('nodes[0].kind');
      expect(r2.errors[0]!.message).toMatch(/unknown kind "spaceship"/);
    }
  });

  it('never throws on arbitrary input', () => {
    const inputs = [
      '',
      '#',
      '#/doc/',
      '#/doc/.',
      '#/doc/v1.$$$$',
      'v1.x',
      '#/doc/v1.🙂',
      'x'.repeat(5000),
    ];
    for (const input of inputs) expect(() => decodeDocumentFragment(input)).not.toThrow();
  });

  it('does not claim other fragments', () => {
    expect(isDocumentFragment('#/story/system-3/2')).toBe(false);
    expect(isDocumentFragment('')).toBe(false);
  });
});
