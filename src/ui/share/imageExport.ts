// Export the diagram as PNG or SVG: React Flow's viewport element rendered by html-to-image
// with a transform that frames every box (React Flow's "download image" recipe). Only the
// viewport is drawn, so the minimap, zoom controls, hints and toasts (its siblings) are never
// in the picture; connection handles are filtered out and the selection is cleared for the
// moment of the snapshot, so the image is the diagram and nothing else, on white.

import { toPng, toSvg } from 'html-to-image';
import { BIG_DIAGRAM } from '../../canvas/flow.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { fileNameFor } from '../../state/download.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { useUiStore } from '../../state/uiStore.ts';

export type ImageFormat = 'png' | 'svg';

const PADDING = 40;
/** Largest side of the picture in CSS pixels; bigger diagrams are scaled down to fit. */
const MAX_SIDE = 4000;
/**
 * Boxes beyond which no picture is attempted: html-to-image copies every element's style,
 * about 50 ms a box on a slow machine (1,000 boxes: a minute), with the page held meanwhile.
 */
export const MAX_IMAGE_BOXES = 1000;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The frame around every box and host, in flow coordinates, from the rendered nodes. */
export function renderedBounds(viewport: HTMLElement): Bounds | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const el of viewport.querySelectorAll<HTMLElement>('.react-flow__node')) {
    // React Flow places every node (children of hosts too) by an absolute translate.
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    minX = Math.min(minX, m.m41);
    minY = Math.min(minY, m.m42);
    maxX = Math.max(maxX, m.m41 + el.offsetWidth);
    maxY = Math.max(maxY, m.m42 + el.offsetHeight);
  }
  if (!Number.isFinite(minX)) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Image size and the viewport transform that puts `bounds` in the middle of it. */
export function frameFor(bounds: Bounds): { width: number; height: number; transform: string } {
  const zoom = Math.min(
    1,
    MAX_SIDE / (bounds.width + 2 * PADDING),
    MAX_SIDE / (bounds.height + 2 * PADDING),
  );
  const width = Math.ceil((bounds.width + 2 * PADDING) * zoom);
  const height = Math.ceil((bounds.height + 2 * PADDING) * zoom);
  const x = (PADDING - bounds.x) * zoom;
  const y = (PADDING - bounds.y) * zoom;
  return { width, height, transform: `translate(${x}px, ${y}px) scale(${zoom})` };
}

const CHROME = [
  'react-flow__handle',
  'react-flow__resize-control',
  'react-flow__nodesselection',
  'bp-box__rename',
  'bp-box__status',
  'bp-edge-cut',
];

function isDiagram(node: HTMLElement): boolean {
  const classes = node.classList;
  return !classes || !CHROME.some((c) => classes.contains(c));
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Lets the selection outline fade out fully (CSS transitions) before the snapshot. */
async function settle(viewport: HTMLElement): Promise<void> {
  await nextFrame();
  await nextFrame();
  const running = viewport
    .getAnimations({ subtree: true })
    .map((a) => a.finished.catch(() => undefined));
  const cap = new Promise((resolve) => setTimeout(resolve, 600));
  await Promise.race([Promise.all(running), cap]);
}

const SVG_PAINT = [
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'fill',
  'fill-opacity',
  'opacity',
] as const;

/**
 * html-to-image (1.11.12 and later) copies computed styles onto HTML elements but not onto
 * the shapes inside an <svg>, so edges styled by CSS come out with no stroke: invisible.
 * This writes each shape's computed paint into its inline style for the snapshot; the
 * returned function puts the original style attributes back.
 */
function inlineSvgPaint(viewport: HTMLElement): () => void {
  const restore: (() => void)[] = [];
  for (const el of viewport.querySelectorAll<SVGElement>('svg *')) {
    if (!(el instanceof SVGGeometryElement || el instanceof SVGTextContentElement)) continue;
    const before = el.getAttribute('style');
    const cs = getComputedStyle(el);
    for (const prop of SVG_PAINT) el.style.setProperty(prop, cs.getPropertyValue(prop));
    restore.push(() =>
      before === null ? el.removeAttribute('style') : el.setAttribute('style', before),
    );
  }
  return () => {
    for (const r of restore) r();
  };
}

/** Renders the diagram to a data URL. Throws when there is nothing to draw. */
export async function renderDiagram(
  format: ImageFormat,
  root: ParentNode = document,
): Promise<string> {
  const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('the canvas is not on screen');
  const ui = useUiStore.getState();
  // A big diagram draws only the boxes near the view: the picture needs all of them.
  const total = useDocumentStore.getState().doc.nodes.length;
  if (total > MAX_IMAGE_BOXES) {
    throw new Error(
      `a picture of ${total.toLocaleString('en')} boxes would take minutes to draw (up to ${MAX_IMAGE_BOXES.toLocaleString('en')} work). File → Save or Export Mermaid… keep the whole diagram`,
    );
  }
  if (total >= BIG_DIAGRAM && root === document) {
    ui.setBusy(`Drawing all ${total.toLocaleString('en')} boxes for the image…`);
    ui.setDrawAll(true);
    try {
      await allDrawn(viewport, total);
      return await snapshot(format, viewport);
    } finally {
      ui.setDrawAll(false);
      ui.setBusy(null);
    }
  }
  return snapshot(format, viewport);
}

/** Waits (up to 20 s) until React Flow has drawn `total` boxes. */
async function allDrawn(viewport: HTMLElement, total: number): Promise<void> {
  const until = performance.now() + 20_000;
  while (performance.now() < until) {
    await nextFrame();
    if (viewport.querySelectorAll('.react-flow__node').length >= total) return;
  }
}

async function snapshot(format: ImageFormat, viewport: HTMLElement): Promise<string> {
  const bounds = renderedBounds(viewport);
  if (!bounds) throw new Error('the diagram is empty: add a box first');

  const selection = useSelectionStore.getState();
  const { nodeIds, edgeIds } = selection;
  // The picture is the diagram, not the moment: live badges, a crashed box's grey, a cut
  // link's red and a story's highlights stay out (share.css, .bp-exporting).
  const flow = viewport.closest('.react-flow') ?? viewport;
  flow.classList.add('bp-exporting');
  if (nodeIds.length || edgeIds.length) selection.clear();
  await settle(viewport);
  const restorePaint = inlineSvgPaint(viewport);
  try {
    const frame = frameFor(bounds);
    const options = {
      backgroundColor: '#ffffff',
      width: frame.width,
      height: frame.height,
      style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
      filter: isDiagram,
      // Only the system font stack is used: nothing to embed, and no request leaves the page.
      skipFonts: true,
    };
    return format === 'png'
      ? await toPng(viewport, { ...options, pixelRatio: 2 })
      : await toSvg(viewport, options);
  } finally {
    restorePaint();
    flow.classList.remove('bp-exporting');
    if (nodeIds.length || edgeIds.length) useSelectionStore.getState().select(nodeIds, edgeIds);
  }
}

function download(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/** `<title>.png` / `<title>.svg`, using the same safe name as File → Save. */
export function imageFileName(title: string, format: ImageFormat): string {
  return fileNameFor(title).replace(/\.json$/, `.${format}`);
}

export async function exportDiagramImage(format: ImageFormat, title: string): Promise<void> {
  download(await renderDiagram(format), imageFileName(title, format));
}
