// @vitest-environment jsdom
// In a browser page DOMPurify is real and sanitizes labels before we see them; this runs
// the importer the way the app does (a DOM present) to check HTML labels still come out as
// the same plain text as in Node.
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../../model/example.ts';
import { exportMermaid } from './export.ts';
import { importMermaid } from './import.ts';

describe('importMermaid with a DOM (real DOMPurify)', () => {
  it('keeps HTML labels as plain text, scripts dropped', async () => {
    const r = await importMermaid(
      'flowchart LR\n  A["<b>Bold</b> <img src=x onerror=alert(1)> <script>alert(1)</script>a &lt; b"] --> B["x #lt;y#gt; & z"]',
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.nodes[0]!.label).toBe('Bold a < b');
    expect(r.doc.nodes[1]!.label).toBe('x <y> & z');
  });

  it('round-trips a document exactly', async () => {
    const doc = exampleDocument();
    doc.nodes[0]!.label = 'Users <script>alert("x")</script> & "friends" #1';
    const r = await importMermaid(exportMermaid(doc));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc).toEqual(doc);
  });
});
