// Mermaid in a real browser: paste a flowchart, check and adjust what it becomes, accept it
// onto the canvas and run it; export the diagram and see Mermaid draw it; a broken diagram
// says where it is broken and leaves the canvas alone.

import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
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

/** Opens a Markdown file through the dialog's file button. */
async function openMarkdownFile(page: Page, dialog: Locator, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Open .mmd / .md file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
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
  await openMarkdownFile(
    page,
    dialog,
    'article.md',
    '# Design\n\n```mermaid\nflowchart LR\n  A[Users] --> B[App]\n```\n\nLater:\n\n```mermaid\ngraph TD\n  C[Users] --> D[nginx] --> E[App] --> F[(DB)]\n```\n',
  );
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(/2 boxes/, {
    timeout: 30_000,
  });
  await dialog.getByRole('combobox', { name: 'Diagram in this file' }).selectOption({ index: 1 });
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(/4 boxes/);
});

const DNS_ARTICLE =
  'flowchart LR\n U[Browser] --> D[DNS] --> LB[Load balancer] --> A[API server] --> DB[(Postgres)]';

/** Last value and maximum of each line of a live chart (see Chart.tsx data-last/data-max). */
async function chart(page: Page, id: string, what: 'last' | 'max'): Promise<number[]> {
  const text = (await page.getByTestId(id).getAttribute(`data-${what}`)) ?? '';
  return text.split(' ').map(Number);
}

test('DNS drawn in the request path comes in as drawn and runs without errors', async ({
  page,
}) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(DNS_ARTICLE);
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(/5 boxes, 4 connections/, {
    timeout: 30_000,
  });
  await expect(dialog.getByRole('combobox', { name: 'Kind of DNS' })).toHaveValue('dns');
  // The editor's rules allow DNS pointing at what its name resolves to: nothing to warn.
  await expect(dialog.getByTestId('mermaid-import-warnings')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Replace canvas' }).click();
  await expect(dialog).toBeHidden();
  const doc = await waitForSaved(page, (d) => d.nodes.some((n) => n.id === 'LB'));
  expect(doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['U>D', 'D>LB', 'LB>A', 'A>DB']);

  // The browser looks the name up, then its requests travel along DNS's arrow.
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(
      async () =>
        (await page.getByTestId('live-dots').getAttribute('data-edges'))?.split(' ') ?? [],
      { timeout: 20_000 },
    )
    .toEqual(expect.arrayContaining(['e-U-D', 'e-D-LB', 'e-LB-A']));
  await expect
    .poll(async () => (await chart(page, 'chart-throughput', 'last'))[0], { timeout: 20_000 })
    .toBeGreaterThan(0);
  expect((await chart(page, 'chart-errors', 'max'))[0]).toBe(0);
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('kinds chosen in the preview survive editing the text; boxes that go lose them', async ({
  page,
}) => {
  await openEditor(page);
  const dialog = await openImport(page);
  const text = dialog.getByRole('textbox', { name: 'Mermaid text' });
  await text.fill(ARTICLE);
  const summary = dialog.getByTestId('mermaid-import-summary');
  await expect(summary).toHaveText(/6 boxes/, { timeout: 30_000 });
  const thing = dialog.getByRole('combobox', { name: 'Kind of Thing' });
  await thing.selectOption('queue');
  await dialog.getByRole('combobox', { name: 'Kind of Redis' }).selectOption('db');

  // Typing more: every re-parse keeps the choices.
  await text.press('End');
  await text.pressSequentially('  api --> mail[Mailer]\n');
  await expect(summary).toHaveText(/^7 boxes/);
  await expect(thing).toHaveValue('queue');
  await expect(dialog.getByRole('combobox', { name: 'Kind of Redis' })).toHaveValue('db');

  // A box taken out of the text loses its choice; written back, it is guessed afresh.
  await text.fill(ARTICLE.replace('  api -- jobs --> jobs[Thing]\n', ''));
  await expect(summary).toHaveText(/^5 boxes/);
  await text.fill(ARTICLE);
  await expect(summary).toHaveText(/^6 boxes/);
  await expect(thing).toHaveValue('app');
  await expect(dialog.getByRole('combobox', { name: 'Kind of Redis' })).toHaveValue('db');

  await dialog.getByRole('button', { name: 'Replace canvas' }).click();
  const doc = await waitForSaved(page, (d) => d.nodes.some((n) => n.id === 'redis'));
  expect(doc.nodes.find((n) => n.id === 'redis')?.kind).toBe('db');
});

/** Horizontal distance between the caret and the left edge of the marked character. */
async function caretOffset(lines: Locator, row = 0): Promise<number> {
  const caret = await lines.locator('.bp-mmd__caret').nth(row).boundingBox();
  const at = await lines.locator('.bp-mmd__at').nth(row).boundingBox();
  if (!caret || !at) throw new Error('no caret or marked character');
  return Math.abs(caret.x - at.x);
}

test('the caret sits under the offending character on a tab-indented line', async ({ page }) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await dialog
    .getByRole('textbox', { name: 'Mermaid text' })
    .fill('flowchart LR\n\tA[Users] --> B[App]\n\t\tB -->|"😀 数据"| C & [oops');
  const error = dialog.getByTestId('mermaid-import-error');
  await expect(error).toContainText('line 3', { timeout: 30_000 });
  const lines = dialog.getByTestId('mermaid-error-lines');
  await expect(lines.locator('.bp-mmd__at')).toHaveText('[');
  expect(await caretOffset(lines)).toBeLessThan(1.5);
});

test('an unclosed bracket is named on its own line, with both lines shown', async ({ page }) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await dialog
    .getByRole('textbox', { name: 'Mermaid text' })
    .fill('flowchart LR\n  A[Users] --> B[App]\n\tC[[Oops\n  B --> C');
  const error = dialog.getByTestId('mermaid-import-error');
  await expect(error).toContainText(
    'Line 3 opens “[[” at column 3 and never closes it: add “]]”.',
    {
      timeout: 30_000,
    },
  );
  const lines = dialog.getByTestId('mermaid-error-lines');
  await expect(lines.locator('.bp-mmd__lineno:not(.bp-mmd__caretrow *)')).toHaveText(['3', '4']);
  await expect(lines.locator('.bp-mmd__at').first()).toHaveText('[');
  expect(await caretOffset(lines, 0)).toBeLessThan(1.5);
  await expect(dialog.getByRole('button', { name: 'Replace canvas' })).toBeDisabled();
});

test('a flowchart with no boxes says so and cannot replace the canvas', async ({ page }) => {
  await openEditor(page);
  const dialog = await openImport(page);
  const text = dialog.getByRole('textbox', { name: 'Mermaid text' });
  for (const empty of ['graph', 'flowchart LR']) {
    await text.fill(empty);
    await expect(dialog.getByTestId('mermaid-import-error')).toContainText(
      'There are no boxes to import',
      { timeout: 30_000 },
    );
    await expect(dialog.getByRole('button', { name: 'Replace canvas' })).toBeDisabled();
  }
  await text.fill('flowchart LR\n  A[Users] --> B[App]');
  await expect(dialog.getByRole('button', { name: 'Replace canvas' })).toBeEnabled();
});

test('a markdown file opens on its first flowchart, not on a sequence diagram before it', async ({
  page,
}) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await openMarkdownFile(
    page,
    dialog,
    'README.md',
    '# How it works\n\n```mermaid\nsequenceDiagram\n  Browser->>API: GET /\n```\n\n```mermaid\nflowchart LR\n  C[Users] --> D[nginx] --> E[App]\n```\n',
  );
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(/3 boxes/, {
    timeout: 30_000,
  });
  const picker = dialog.getByRole('combobox', { name: 'Diagram in this file' });
  await expect(picker).toHaveValue('1');
  await expect(picker.locator('option').first()).toHaveText(
    '1. line 4: sequenceDiagram (not a flowchart)',
  );
  // Another block can still be chosen.
  await picker.selectOption({ index: 0 });
  await expect(dialog.getByTestId('mermaid-import-error')).toContainText('sequence diagram');
});

test('a title with HTML shows in full in Mermaid’s drawing and comes back exactly', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  const title = page.locator('#doc-title');
  await title.fill('<b>Shop</b> & <img src=x onerror=alert(1)>');
  await runMenu(page, 'File', 'Export Mermaid…');
  const dialog = page.getByRole('dialog', { name: 'Export as Mermaid' });
  const drawn = dialog.getByTestId('mermaid-preview').locator('svg .flowchartTitleText');
  await expect(drawn).toHaveText('‹b›Shop‹/b› & ‹img src=x onerror=alert(1)›', {
    timeout: 30_000,
  });
  await expect(dialog.getByTestId('mermaid-preview').locator('img')).toHaveCount(0);
  const exported = await dialog.getByRole('textbox', { name: 'Mermaid text' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The text comes back with the exact title.
  const importDialog = await openImport(page);
  await importDialog.getByRole('textbox', { name: 'Mermaid text' }).fill(exported);
  await expect(importDialog.getByTestId('mermaid-import-summary')).toHaveText(/6 boxes/, {
    timeout: 30_000,
  });
  await importDialog.getByRole('button', { name: 'Replace canvas' }).click();
  await expect(importDialog).toBeHidden();
  await expect(title).toHaveValue('<b>Shop</b> & <img src=x onerror=alert(1)>');
});

test('the downloaded file is named after the title, one space at a time, nothing unsafe', async ({
  page,
}) => {
  await openEditor(page);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.locator('#doc-title').fill('Shop v2 / prod: b?');
  await runMenu(page, 'File', 'Export Mermaid…');
  const dialog = page.getByRole('dialog', { name: 'Export as Mermaid' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Download .mmd' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Shop v2 prod b.mmd');
});

const MICROSERVICES = readFileSync(
  new URL('../src/io/corpus/mermaid/seed/seed-3-microservices.mmd', import.meta.url),
  'utf8',
);

test('the microservices diagram comes alive: Users added, kinds with reasons, dots to the queue', async ({
  page,
}) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await dialog.getByRole('textbox', { name: 'Mermaid text' }).fill(MICROSERVICES);
  await expect(dialog.getByTestId('mermaid-import-summary')).toHaveText(/6 boxes, 1 host/, {
    timeout: 30_000,
  });
  // Nothing in the diagram sends requests: Users are added, marked as such.
  await expect(dialog.getByTestId('mermaid-added-users')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: /Add Users/ })).toBeChecked();
  // Each box with the kind an engineer would pick, and why.
  await expect(dialog.getByRole('combobox', { name: /Kind of Nginx/ })).toHaveValue('proxy');
  await expect(dialog.getByRole('combobox', { name: 'Kind of User + redis' })).toHaveValue('app');
  await expect(dialog.getByRole('combobox', { name: /Kind of Event Messaging/ })).toHaveValue(
    'queue',
  );
  const userRow = dialog.locator('tr[data-node-id="user"]');
  await expect(userRow).toContainText('uses redis');
  await expect(userRow).toContainText('requests flow into it, so not a client');
  await expect(dialog.locator('tr[data-node-id="message"]')).toContainText('names RabbitMQ');

  await dialog.getByRole('button', { name: 'Replace canvas' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('added-by-import')).toHaveCount(1);
  // The first-visit hint has done its job once a diagram came in.
  await expect(page.getByRole('note').filter({ hasText: 'Drag a box from the left' })).toHaveCount(
    0,
  );

  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(
      async () =>
        (await page.getByTestId('live-dots').getAttribute('data-edges'))?.split(' ') ?? [],
      { timeout: 20_000 },
    )
    .toEqual(
      expect.arrayContaining([
        'e-users-nginx',
        'e-nginx-orders',
        expect.stringMatching(/-message$/),
      ]),
    );
  await expect
    .poll(async () => (await chart(page, 'chart-throughput', 'last'))[0], { timeout: 20_000 })
    .toBeGreaterThan(0);
  expect((await chart(page, 'chart-errors', 'max'))[0]).toBe(0);

  // Without the added Users nothing sends requests, and the live view says so (a live edit).
  await page.getByTestId('added-by-import').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('added-by-import')).toHaveCount(0);
  const callout = page.getByTestId('bottleneck');
  await expect(callout).toContainText('Nothing sends requests: the diagram has no client', {
    timeout: 20_000,
  });
  await expect(callout).not.toContainText('No bottleneck');
  await callout.getByRole('button', { name: 'Add Users' }).click();
  await expect(callout).not.toContainText('Nothing sends requests', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
});

test('a diagram drawn from the database up to the user is offered flipped, and runs', async ({
  page,
}) => {
  await openEditor(page);
  const dialog = await openImport(page);
  await dialog
    .getByRole('textbox', { name: 'Mermaid text' })
    .fill(
      'flowchart BT\n  db[(Postgres)] --> api[Orders service] --> gw[API gateway] --> web[Browser]\n  cache[(Redis)] --> api',
    );
  const flip = dialog.getByRole('checkbox', { name: /Flip arrows/ });
  await expect(flip).toBeChecked({ timeout: 30_000 });
  await expect(dialog.getByTestId('mermaid-import-warnings')).toContainText(
    'The arrows point against the flow of requests (Postgres → Orders service), so they were flipped',
  );
  await expect(dialog.getByRole('combobox', { name: 'Kind of Browser' })).toHaveValue('client');
  // As drawn, the browser would only receive: unticked, it is no client any more.
  await flip.uncheck();
  await expect(dialog.getByRole('combobox', { name: 'Kind of Browser' })).not.toHaveValue('client');
  await flip.check();

  await dialog.getByRole('button', { name: 'Replace canvas' }).click();
  await expect(dialog).toBeHidden();
  const doc = await waitForSaved(page, (d) => d.nodes.some((n) => n.id === 'gw'));
  expect(doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
    'api>db',
    'gw>api',
    'web>gw',
    'api>cache',
  ]);
  await page.getByLabel('Speed').selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(
      async () =>
        (await page.getByTestId('live-dots').getAttribute('data-edges'))?.split(' ') ?? [],
      { timeout: 20_000 },
    )
    .toEqual(expect.arrayContaining(['e-web-gw', 'e-gw-api']));
  await expect
    .poll(async () => (await chart(page, 'chart-throughput', 'last'))[0], { timeout: 20_000 })
    .toBeGreaterThan(0);
  expect((await chart(page, 'chart-errors', 'max'))[0]).toBe(0);
  await page.getByRole('button', { name: 'Pause' }).click();
});
