// Shared steps for the editor's end-to-end tests: they drive the real UI in Chromium.

import { expect, type Locator, type Page } from '@playwright/test';
import { restoreDocument } from '../src/model/restore.ts';
import type { TopologyDocument } from '../src/model/types.ts';

export const AUTOSAVE_KEY = 'backend-playground:document';

/**
 * The document in the autosave slot's text. The slot holds a record (revision, tab, time,
 * and the document with default settings left out); a bare document is an older save.
 */
export function parseSaved(text: string | null): TopologyDocument | null {
  if (text === null) return null;
  const data = JSON.parse(text) as { doc?: unknown };
  const restored = restoreDocument(data.doc ?? data);
  if (!restored.ok) throw new Error(`the autosave does not hold a diagram: ${text.slice(0, 200)}`);
  return restored.doc;
}

/** The autosaved document now (no waiting), or null when nothing is saved. */
export async function storedDocument(page: Page): Promise<TopologyDocument | null> {
  return parseSaved(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY));
}

/** Opens the editor on a first visit (the example diagram) and waits for the canvas. */
export async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await waitForSteadyView(page);
}

/** Waits until the viewport stops moving (fit view and zoom animations are done). */
export async function waitForSteadyView(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await viewport.evaluate((el) => getComputedStyle(el).transform);
        const steady = now === last;
        last = now;
        return steady;
      },
      { intervals: [100, 150, 200] },
    )
    .toBe(true);
}

/** Opens the editor with an empty diagram (File → New), so tests start from nothing. */
export async function openEmptyEditor(page: Page): Promise<void> {
  await openEditor(page);
  await runMenu(page, 'File', 'New');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
}

export function canvasPane(page: Page): Locator {
  return page.locator('.react-flow__pane');
}

export function flowNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

export function nodeByLabel(page: Page, label: string): Locator {
  return page.locator('.react-flow__node').filter({
    has: page.locator('.bp-box__label, .bp-host__label', {
      hasText: new RegExp(`^${escapeRe(label)}$`),
    }),
  });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks a top-bar menu and one of its items. */
export async function runMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menu').getByText(item, { exact: true }).click();
}

/** Drags a palette item onto the canvas (HTML5 drag and drop) at a point relative to the pane. */
export async function dragFromPalette(
  page: Page,
  kindTitle: string,
  at: { x: number; y: number },
): Promise<void> {
  const item = page.getByRole('button', { name: `Add ${kindTitle}`, exact: true });
  await item.dragTo(canvasPane(page), { targetPosition: at });
}

/** The document as autosaved to localStorage (after the debounce settles). */
export async function savedDocument(page: Page): Promise<TopologyDocument> {
  let doc: TopologyDocument | null = null;
  await expect
    .poll(async () => {
      doc = await storedDocument(page);
      return doc !== null;
    })
    .toBe(true);
  return doc!;
}

/** Waits until the autosaved document satisfies `check`, and returns it. */
export async function waitForSaved(
  page: Page,
  check: (doc: TopologyDocument) => boolean,
): Promise<TopologyDocument> {
  let doc: TopologyDocument | null = null;
  await expect
    .poll(async () => {
      doc = await storedDocument(page);
      return doc !== null && check(doc);
    })
    .toBe(true);
  return doc!;
}

/** Drags with the mouse in small steps, as React Flow needs for its drag gestures. */
export async function mouseDrag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  modifiers: ('Shift' | 'Control')[] = [],
): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m);
  // Let React Flow render what the modifier switches on (Shift shows its selection layer).
  if (modifiers.length) await nextFrames(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 5, from.y + 5, { steps: 2 });
  await nextFrames(page);
  await page.mouse.move(to.x, to.y, { steps: 12 });
  // React Flow handles the last moves on the next frame; release only after it has.
  await nextFrames(page);
  await page.mouse.up();
  for (const m of modifiers) await page.keyboard.up(m);
}

/** Waits for two animation frames: React has committed and the browser has painted. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

export async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Connects two boxes by dragging from the source's right handle to the target's left one. */
export async function connectNodes(page: Page, source: string, target: string): Promise<void> {
  const from = await centerOf(flowNode(page, source).locator('.react-flow__handle.source'));
  const to = await centerOf(flowNode(page, target).locator('.react-flow__handle.target'));
  await mouseDrag(page, from, to);
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
