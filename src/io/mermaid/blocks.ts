// Markdown files (READMEs, articles, docs pages) hold Mermaid in fenced code blocks:
// ```mermaid … ``` or ~~~mermaid … ~~~. Import takes one of them.

export interface MermaidBlock {
  /** The diagram text, without the fences. */
  text: string;
  /** 1-based line of the first diagram line in the markdown file. */
  line: number;
  /** The first line of the diagram, to tell blocks apart in a picker. */
  summary: string;
  /** Is it a flowchart (`flowchart …` or `graph …`), the only kind we import? */
  flowchart: boolean;
}

/**
 * The line that names the diagram type, as Mermaid finds it: after YAML front matter,
 * blank lines, `%%` comments and `%%{…}%%` directives.
 */
export function diagramHeader(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, k) => k > 0 && l.trim() === '---');
    if (close > 0) i = close + 1;
  }
  for (; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l !== '' && !l.startsWith('%%')) return l;
  }
  return '';
}

/** Mermaid's own test for a flowchart: the header starts with `flowchart` or `graph`. */
export function isFlowchartText(text: string): boolean {
  return /^(flowchart|graph)\b/.test(diagramHeader(text));
}

/** The block to open by default: the first flowchart, else the first block. */
export function defaultBlockIndex(blocks: readonly MermaidBlock[]): number {
  const i = blocks.findIndex((b) => b.flowchart);
  return Math.max(i, 0);
}

export function extractMermaidBlocks(markdown: string): MermaidBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MermaidBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*mermaid\b.*$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    // A closing fence uses the same character, at least as long; an unclosed block runs
    // to the end of the file, as CommonMark says.
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    for (; j < lines.length && !close.test(lines[j]!); j++) body.push(lines[j]!);
    const text = `${body.join('\n')}\n`;
    const summary = diagramHeader(text);
    blocks.push({
      text,
      line: i + 2,
      summary: summary.slice(0, 80),
      flowchart: isFlowchartText(text),
    });
    i = j;
  }
  return blocks;
}

/** Is this file name one we read as markdown rather than as plain Mermaid? */
export function isMarkdownName(name: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(name);
}

/** File names the import accepts. */
export function isMermaidFileName(name: string): boolean {
  return /\.(mmd|mermaid|md|markdown|mdx)$/i.test(name);
}
