// Mermaid in a real browser: paste a flowchart, check and adjust what it becomes, accept it
// onto the canvas and run it; export the diagram and see Mermaid draw it; a broken diagram
// says where it is broken and leaves the canvas alone.

import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { exampleDocument } from '../src/model/example.ts';
import { AUTOSAVE_KEY, nodeByLabel, openEditor, runMenu, waitForSaved } from './helpers.ts';

test.describe.configure({ timeout: 120_000 });

const ARTICLE = `flowchart LR
  subgraph clients [Clients]
    web[[Browser]]
  end
  web --> nginx{{nginx}}
  nginx --> api[API server]
  api -./.-> redis[(Redis)]
  api --> db[(Postgres)]
  api -- jobs --> jobs[Thing]
`;

/** Serious or critical axe findings inside the open dialog. */
async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openImport(page: Page) {
  await runMenu(page, 'File', 'Import Mermaid…');
  const dialog = page.getByRole('dialog', { name: 'Import a Mermaid flowchart' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('paste a flowchart, change a guessed kind, accept it, run it', async ({ page }) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(ARTICLE);

  // The preview lists every box with the kind it will become.
  // The first preview loads Mermaid (lazily, a big library): allow a busy machine time.
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(
    /6 boxes, 1 host, 5 connections/,
    { timeout: 30_000 },
  );
  await expect(dialog.getByRole('combobox', { name: 'Kind of nginx' })).toHaveValue('proxy');
  await expect(dialog.getByRole('combobox', { name: 'Kind of Redis' })).toHaveValue('cache');
  await expect(dialog.getByRole('combobox', { name: 'Kind of Postgres' })).toHaveValue('db');
  await expect(dialog.getByRole('combobox', { name: 'Kind of Browser' })).toHaveValue('client');
  // Nothing serious for people using a screen reader or a keyboard.
  expect(await seriousViolations(page)).toEqual([]);
  const thing = dialog.getByRole('combobox', { name: 'Kind of Thing' });
  await expect(thing).toHaveValue('app');
  await thing.selectOption('queue');
  await expect(thing).toHaveValue('queue');

  await dialog.getByRole('button', { name: 'Replace canvas' }).click();
  await expect(dialog).toBeHidden();
  await expect(nodeByLabel(page, 'nginx')).toBeVisible();
  await expect(nodeByLabel(page, 'Thing')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  const doc = await waitForSaved(page, (d) => d.nodes.some((n) => n.id === 'jobs'));
  expect(doc.nodes.find((n) => n.id === 'jobs')?.kind).toBe('queue');
  expect(doc.nodes.find((n) => n.id === 'web')?.parent).toBe('clients');
  expect(doc.edges.find((e) => e.target === 'redis')?.label).toBe('/');

  // The imported system runs: requests travel from the browser through nginx.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(
      async () =>
        (await page.getByTestId('live-dots').getAttribute('data-edges'))?.split(' ') ?? [],
      { timeout: 20_000 },
    )
    .toEqual(expect.arrayContaining(['e-web-nginx', 'e-nginx-api']));
  await page.getByRole('button', { name: 'Pause' }).click();

  // One undo step brings the previous diagram back.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(nodeByLabel(page, 'nginx')).toBeVisible();
  await expect(nodeByLabel(page, 'Load balancer')).toBeVisible();
  await expect(nodeByLabel(page, 'Thing')).toHaveCount(0);
});

test('a broken diagram shows where it is broken and leaves the canvas alone', async ({ page }) => {
  await openEditor(page);
  const labels = await page.locator('.react-flow__node').allInnerTexts();
  const dialog = await openImport(page);
  await dialog
    .getByRole('textbox', { name: 'Mermaid text' })
    .fill('flowchart LR\n  A[Users] --> B[App]\n  B --> [oops');
  const error = dialog.getByTestId('mermaid-import-error');
  await expect(error).toContainText('line 3', { timeout: 30_000 });
  await expect(error).toContainText('B --> [oops');
  await expect(dialog.getByRole('button', { name: 'Replace canvas' })).toBeDisabled();

  // Not a flowchart at all.
  await dialog
    .getByRole('textbox', { name: 'Mermaid text' })
    .fill('sequenceDiagram\n  Alice->>Bob: hi');
  await expect(error).toContainText(
    'only flowcharts can be imported (this is a sequence diagram)',
    {
      ignoreCase: true,
    },
  );

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(labels.length);
  expect(await page.locator('.react-flow__node').allInnerTexts()).toEqual(labels);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  expect(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE_KEY)).toBeNull();
});

test('labels with HTML stay text on the canvas and in the preview', async ({ page }) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await dialog
    .getByRole('textbox', { name: 'Mermaid text' })
    .fill('flowchart LR\n  A["#lt;img src=x onerror=alert(1)#gt; #amp; co"] --> B[App]');
  await expect(dialog.getByText('<img src=x onerror=alert(1)> & co')).toBeVisible({
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Replace canvas' }).click();
  await expect(nodeByLabel(page, '<img src=x onerror=alert(1)> & co')).toBeVisible();
  await expect(page.locator('.react-flow__node img')).toHaveCount(0);
});

test('export shows the Mermaid text and Mermaid’s own drawing of it', async ({ page }) => {
  // A first visit opens the example diagram.
  await openEditor(page);
  const before = exampleDocument();
  await runMenu(page, 'File', 'Export Mermaid…');
  const dialog = page.getByRole('dialog', { name: 'Export as Mermaid' });
  const text = dialog.getByRole('textbox', { name: 'Mermaid text' });
  await expect(text).toHaveValue(/^---\ntitle: .*\n---\nflowchart LR\n/);
  await expect(text).toHaveValue(/%% bp:node users /);
  const preview = dialog.getByTestId('mermaid-preview');
  await expect(preview.locator('svg')).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator('svg')).toContainText('Load balancer');
  expect(await seriousViolations(page)).toEqual([]);

  // Without the data lines the text is plain Mermaid.
  await dialog.getByRole('checkbox').uncheck();
  await expect(text).not.toHaveValue(/bp:/);
  await dialog.getByRole('checkbox').check();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download .mmd' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.mmd$/);
  const exported = readFileSync(await download.path(), 'utf8');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The downloaded file, dropped on the canvas, opens the import with the same diagram.
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'diagram.mmd', { type: 'text/plain' }));
    return dt;
  }, exported);
  await page.locator('.react-flow__pane').dispatchEvent('dragover', { dataTransfer });
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer });
  const importDialog = page.getByRole('dialog', { name: 'Import a Mermaid flowchart' });
  await expect(importDialog.getByTestId('mermaid-import-summary')).toHaveText(
    /6 boxes, 6 connections/,
    { timeout: 30_000 },
  );
  await importDialog.getByRole('button', { name: 'Replace canvas' }).click();
  const after = await waitForSaved(page, () => true);
  expect(after).toEqual(before);
});

test('a markdown file with several diagrams lets you pick one', async ({ page }) => {
  await openEditor(page);
  const dialog = await openImport(page);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Open .mmd / .md file…' }).click();
  await (await chooser).setFiles({
    name: 'article.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '# Design\n\n```mermaid\nflowchart LR\n  A[Users] --> B[App]\n```\n\nLater:\n\n```mermaid\ngraph TD\n  C[Users] --> D[nginx] --> E[App] --> F[(DB)]\n```\n',
    ),
  });
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(/2 boxes/, {
    timeout: 30_000,
  });
  await dialog.getByRole('combobox', { name: 'Diagram in this file' }).selectOption({ index: 1 });
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(/4 boxes/);
});
