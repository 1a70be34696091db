// Narrative text, for the story panel and the presenter's caption.
// ── Narrative ─────────────────────────────────────────────────────────────────────────

export type NarrativeBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] };

/**
 * Markdown-lite: blank lines separate paragraphs; lines starting with "- " form a list.
 * Everything stays text; the UI renders it as text nodes, never as HTML.
 */
export function narrativeBlocks(text: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => l.startsWith('- '))) {
      blocks.push({ type: 'list', items: lines.map((l) => l.slice(2).trim()) });
    } else {
      blocks.push({ type: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}
