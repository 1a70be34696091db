import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { fileNameFor, parseDocumentText, serializeDocument } from './files.ts';

describe('document files', () => {
  it('a saved document parses back to the same document', () => {
    const doc = exampleDocument();
    const result = parseDocumentText(serializeDocument(doc));
    expect(result).toEqual({ ok: true, doc, warnings: [] });
  });

  it('text that is not JSON says so, at the root path', () => {
    const result = parseDocumentText('{"nodes": [');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.path).toBe('$');
      expect(result.errors[0]!.message).toMatch(/^not JSON: /);
    }
  });

  it('a foreign document names the JSON path of the problem', () => {
    const result = parseDocumentText(JSON.stringify({ nodes: [{ id: 'a', kind: 'toaster' }] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('nodes[0].kind');
  });

  it('file names come from the title, safe and never empty', () => {
    expect(fileNameFor('Shop backend')).toBe('Shop backend.json');
    expect(fileNameFor('a/b\\c:d*?')).toBe('abcd.json');
    expect(fileNameFor('   ')).toBe('diagram.json');
    expect(fileNameFor('Café – v2')).toBe('Café  v2.json');
  });
});
