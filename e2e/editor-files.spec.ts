// Never losing work: autosave and restore, Save and Open, broken files and broken autosave.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  AUTOSAVE_KEY,
  connectNodes,
  flowNode,
  nodeByLabel,
  openEditor,
  runMenu,
  waitForSaved,
} from './helpers.ts';

// Real drags in a real browser on a shared, busy machine: allow for slowness.
test.describe.configure({ timeout: 120_000 });

test('reload keeps the work', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Add Queue', exact: true }).click();
  await flowNode(page, 'db').dblclick();
  await page.getByRole('textbox', { name: 'Box name' }).fill('Main DB');
  await page.keyboard.press('Enter');
  const saved = await waitForSaved(
    page,
    (d) => d.nodes.length === 7 && d.nodes.some((n) => n.label === 'Main DB'),
  );
  await page.reload();
  await expect(nodeByLabel(page, 'Main DB')).toBeVisible();
  await expect(page.locator('.react-flow__node [data-kind="queue"]')).toHaveCount(1);
  const again = await waitForSaved(page, () => true);
  expect(again).toEqual(saved);
});

test('Save downloads the document and Open restores the same document', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('textbox', { name: 'Diagram title' }).fill('Round trip');
  await page.getByRole('button', { name: 'Add Host', exact: true }).click();
  await connectNodes(page, 'app1', 'app2');
  const before = await waitForSaved(
    page,
    (d) => d.title === 'Round trip' && d.edges.length === 7 && d.nodes.length === 7,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    runMenu(page, 'File', 'Save'),
  ]);
  expect(download.suggestedFilename()).toBe('Round trip.json');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(JSON.parse(text)).toEqual(before);

  // Start over, then open the saved file: the same document comes back.
  await runMenu(page, 'File', 'New');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const chooser = page.waitForEvent('filechooser');
  await runMenu(page, 'File', 'Open…');
  await (await chooser).setFiles({
    name: 'Round trip.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  const after = await waitForSaved(page, (d) => d.nodes.length === 7);
  expect(after).toEqual(before);
  // Open is one undo step: undo returns to the empty diagram, undo again to the old one.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
});

test('opening a broken JSON file shows what is wrong and keeps the canvas', async ({ page }) => {
  await openEditor(page);
  const input = page.getByTestId('open-file-input');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"nodes": ['),
  });
  const dialog = page.getByRole('dialog', { name: 'Could not open broken.json' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('not JSON');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);

  // A foreign file: valid JSON, not a diagram. The error names the JSON path.
  const foreign = JSON.stringify({
    version: 1,
    title: 'x',
    nodes: [{ id: 'a', kind: 'toaster' }],
    edges: [],
  });
  await input.setInputFiles({
    name: 'foreign.json',
    mimeType: 'application/json',
    buffer: Buffer.from(foreign),
  });
  const second = page.getByRole('dialog', { name: 'Could not open foreign.json' });
  await expect(second).toContainText('nodes[0].kind');
  await expect(second).toContainText('unknown kind "toaster"');
  await page.keyboard.press('Escape');
  await expect(second).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(nodeByLabel(page, 'Users')).toBeVisible();
});

test('a repaired file opens with a note about the repairs', async ({ page }) => {
  await openEditor(page);
  const doc = {
    version: 1,
    title: 'Repaired',
    nodes: [
      { id: 'u', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, config: {} },
      { id: 'a', kind: 'app', label: 'App', position: { x: 260, y: 0 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'u', target: 'a' },
      { id: 'e2', source: 'u', target: 'ghost' },
    ],
  };
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'repaired.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('repair');
  await expect(page.getByRole('status')).toContainText('edges[1]');
});

test('broken autosave data shows a message, opens the example and keeps the broken text', async ({
  page,
}) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version": 1, "nodes": [oops');
      sessionStorage.setItem('seeded', '1');
    }
  }, AUTOSAVE_KEY);
  await openEditor(page);
  await expect(page.getByRole('status')).toContainText('could not be read');
  await expect(nodeByLabel(page, 'Users')).toBeVisible();
  // Kept as it was, with the time it was found, to download from File → Recent versions.
  await runMenu(page, 'File', 'Recent versions…');
  const damaged = page
    .getByRole('dialog', { name: 'Recent versions' })
    .getByRole('region', { name: 'Damaged saves' });
  await expect(damaged).toContainText('Your autosaved diagram');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    damaged.getByRole('button', { name: /^Download the damaged save/ }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe('{"version": 1, "nodes": [oops');
});

test('dropping a .json file on the canvas opens it', async ({ page }) => {
  await openEditor(page);
  const doc = {
    version: 1,
    title: 'Dropped',
    nodes: [{ id: 'w', kind: 'worker', label: 'Mailer', position: { x: 0, y: 0 }, config: {} }],
    edges: [],
  };
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(doc));
  await page.locator('.react-flow__pane').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer });
  await expect(nodeByLabel(page, 'Mailer')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('Dropped');
});
