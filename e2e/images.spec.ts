// File → Export PNG / Export SVG: real image files of the diagram, named after it, on white,
// without the editor's chrome (minimap, zoom controls, handles, selection outlines).

import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { flowNode, openEditor, runMenu } from './helpers.ts';

const LABELS = ['Users', 'nginx', 'Load balancer', 'App 1', 'App 2', 'Database'];

async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    runMenu(page, 'File', item),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

test('Export PNG downloads a PNG of the whole diagram on white', async ({ page }) => {
  await openEditor(page);
  // Something selected and a minimap on screen: neither may end up in the picture.
  await flowNode(page, 'app1').click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();

  const { name, bytes } = await exportFile(page, 'Export PNG');
  await writeFile(test.info().outputPath(name), bytes); // kept beside the trace, to look at
  expect(name).toBe('My first backend.png');
  // PNG signature, then the IHDR chunk with width and height (big-endian).
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  // The example spans about 1100 × 300 flow pixels; drawn at 2× with a margin.
  expect(width).toBeGreaterThan(2000);
  expect(width).toBeLessThan(3200);
  expect(height).toBeGreaterThan(500);
  expect(width).toBeGreaterThan(height);

  // Decode it in the browser: white corners (the background), ink in the middle (boxes).
  const pixels = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const at = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data];
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128) dark++;
    return { corner: at(2, 2), farCorner: at(c.width - 3, c.height - 3), dark };
  }, bytes.toString('base64'));
  expect(pixels.corner).toEqual([255, 255, 255, 255]);
  expect(pixels.farCorner).toEqual([255, 255, 255, 255]);
  expect(pixels.dark).toBeGreaterThan(1000); // labels and icons were drawn

  // The selection is back after the snapshot.
  await expect(flowNode(page, 'app1').locator('.is-selected')).toHaveCount(1);
});

test('Export SVG downloads an SVG with the boxes’ labels and none of the editor chrome', async ({
  page,
}) => {
  await openEditor(page);
  await flowNode(page, 'db').click();
  const { name, bytes } = await exportFile(page, 'Export SVG');
  expect(name).toBe('My first backend.svg');
  const text = bytes.toString('utf8');
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      text: root.textContent ?? '',
      // Every connection is drawn: its path carries a visible stroke.
      strokedEdges: [...doc.querySelectorAll('path.react-flow__edge-path')].filter((p) =>
        /stroke: rgb/.test(p.getAttribute('style') ?? ''),
      ).length,
    };
  }, text);
  expect(parsed.error).toBeNull();
  expect(parsed.root).toBe('svg');
  expect(parsed.width).toBeGreaterThan(1000);
  expect(parsed.height).toBeGreaterThan(250);
  for (const label of LABELS) expect(parsed.text).toContain(label);
  expect(parsed.strokedEdges).toBe(6);
  for (const chrome of [
    'react-flow__handle',
    'react-flow__minimap',
    'react-flow__controls',
    'is-selected',
  ]) {
    expect(text).not.toContain(chrome);
  }
});

test('an image taken while the system runs shows the diagram, not its live state', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await flowNode(page, 'app1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(flowNode(page, 'app1')).toContainText('down');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const { bytes } = await exportFile(page, 'Export SVG');
  const text = bytes.toString('utf8');
  for (const label of LABELS) expect(text).toContain(label);
  // No live badges (down, req/s, queue, pool) and no crashed-box grey in the picture.
  expect(text).not.toContain('bp-live');
  expect(text).not.toContain('grayscale');
  // The canvas itself still shows the run.
  await expect(flowNode(page, 'app1')).toContainText('down');
});

test('exporting an empty canvas explains that there is nothing to draw', async ({ page }) => {
  await openEditor(page);
  await runMenu(page, 'File', 'New');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await runMenu(page, 'File', 'Export PNG');
  await expect(
    page.getByText('Could not export the PNG image: the diagram is empty: add a box first'),
  ).toBeVisible();
});
