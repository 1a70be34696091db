import { describe, expect, it } from 'vitest';
import {
  defaultBlockIndex,
  diagramHeader,
  extractMermaidBlocks,
  isFlowchartText,
} from './blocks.ts';

const ARTICLE = [
  '# How a request travels',
  '',
  '```mermaid',
  'sequenceDiagram',
  '  Browser->>DNS: lookup',
  '```',
  '',
  '~~~mermaid',
  '---',
  'title: The system',
  '---',
  '%% a comment',
  'flowchart LR',
  '  A --> B',
  '~~~',
  '',
  '```mermaid',
  'graph TD',
  '  X --> Y',
  '```',
].join('\n');

describe('markdown blocks', () => {
  it('says which blocks are flowcharts and opens the first of them', () => {
    const blocks = extractMermaidBlocks(ARTICLE);
    expect(blocks.map((b) => [b.line, b.summary, b.flowchart])).toEqual([
      [4, 'sequenceDiagram', false],
      [9, 'flowchart LR', true],
      [18, 'graph TD', true],
    ]);
    expect(defaultBlockIndex(blocks)).toBe(1);
  });

  it('opens the first block when none is a flowchart, and nothing breaks on none at all', () => {
    const blocks = extractMermaidBlocks('```mermaid\npie\n  "a": 1\n```\n');
    expect(defaultBlockIndex(blocks)).toBe(0);
    expect(defaultBlockIndex([])).toBe(0);
  });

  it('reads the header the way Mermaid does', () => {
    expect(diagramHeader('\n%%{init: {}}%%\n  flowchart-elk TB\n')).toBe('flowchart-elk TB');
    expect(isFlowchartText('---\nconfig:\n  theme: dark\n---\ngraph\n')).toBe(true);
    expect(isFlowchartText('graphs are nice')).toBe(false);
    expect(isFlowchartText('stateDiagram-v2\n')).toBe(false);
    expect(isFlowchartText('')).toBe(false);
  });
});
