// Never lose work, never freeze, never pretend: two tabs that both edit, a whole session of
// undo, a saved diagram with a part this version cannot read, a link of 10,000 boxes, and a
// run asked to go faster than the engine can.

import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { encodeDocumentFragment } from '../src/io/share.ts';
import { exampleDocument } from '../src/model/example.ts';
import type { TopologyDocument } from '../src/model/types.ts';
import { bigDocument } from '../bench/bigDocs.ts';
import {
  AUTOSAVE_KEY,
  flowNode,
  openEditor,
  runMenu,
  storedDocument,
  waitForSaved,
} from './helpers.ts';

/** Opens the editor on `doc` saved as-is in the autosave slot (once per test). */
async function openWithSaved(page: Page, text: string): Promise<void> {
  await page.addInitScript(
    ([key, saved]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, saved!);
        localStorage.setItem('backend-playground:hint-dismissed', '1');
        sessionStorage.setItem('seeded', '1');
      }
    },
    [AUTOSAVE_KEY, text],
  );
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

async function addFromPalette(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: `Add ${title}`, exact: true }).click();
}

test('two tabs both edit: neither loses its work and both are told', async ({ context }) => {
  const a = await context.newPage();
  await openEditor(a);
  await addFromPalette(a, 'Redis cache');
  await waitForSaved(a, (d) => d.nodes.some((n) => n.kind === 'cache'));

  // Tab B opens what A saved; then A carries on.
  const b = await context.newPage();
  await b.goto('/');
  await expect(b.locator('.react-flow__node')).toHaveCount(7);
  await a.getByLabel('Diagram title').fill('Work in tab A');
  await waitForSaved(a, (d) => d.title === 'Work in tab A');

  // B is told at once, and its own edit is not saved over A's.
  const bBanner = b.getByRole('region', { name: 'Changed in another tab' });
  await expect(bBanner).toContainText('changed in another tab');
  await expect(bBanner).toContainText('Work in tab A');
  await addFromPalette(b, 'Queue');
  await expect(bBanner).toContainText('not saved over it');
  expect((await storedDocument(a))?.title).toBe('Work in tab A');

  // B keeps its own as a copy: saved; A's version goes to Recent versions.
  await bBanner.getByRole('button', { name: 'Keep mine as a copy' }).click();
  const bSaved = await waitForSaved(b, (d) => d.title === 'My first backend (copy)');
  expect(bSaved.nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['cache', 'queue']));

  // A is told in turn, and finds its work kept.
  const aBanner = a.getByRole('region', { name: 'Changed in another tab' });
  await expect(aBanner).toContainText('My first backend (copy)');
  await runMenu(a, 'File', 'Recent versions…');
  const versions = a.getByRole('dialog', { name: 'Recent versions' });
  const kept = versions.getByRole('listitem').filter({ hasText: 'Work in tab A' }).first();
  await expect(kept).toContainText('From another tab');
  await expect(kept).toContainText('7 boxes');
  await versions.getByRole('button', { name: 'Close' }).click();

  // A loads the newer one; one Undo brings its own back.
  await aBanner.getByRole('button', { name: 'Load the newer one' }).click();
  await expect(a.getByLabel('Diagram title')).toHaveValue('My first backend (copy)');
  await a.getByRole('button', { name: 'Undo' }).click();
  await expect(a.getByLabel('Diagram title')).toHaveValue('Work in tab A');
});

test('a thousand edits undo back to the very start', async ({ page }) => {
  await openEditor(page);
  const start = await page.locator('.react-flow__node').count();
  await flowNode(page, 'db').click();
  await page.keyboard.press('Control+c');
  // 500 × (paste a copy, delete it) through the app's own keyboard commands, a hundred
  // keys per frame: 1,000 steps of history.
  for (let round = 0; round < 10; round++) {
    await page.evaluate(
      ([n]) => {
        for (let i = 0; i < n!; i++) {
          document.body.dispatchEvent(
            new KeyboardEvent('keydown', {
              key: 'v',
              ctrlKey: true,
              bubbles: true,
              cancelable: true,
            }),
          );
          document.body.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Delete', bubbles: true, cancelable: true }),
          );
        }
        return new Promise((r) => requestAnimationFrame(r));
      },
      [50],
    );
  }
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await expect(page.locator('.react-flow__node')).toHaveCount(start);
  for (let round = 0; round < 10; round++) {
    await page.evaluate(() => {
      for (let i = 0; i < 100; i++) {
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: 'z',
            ctrlKey: true,
            bubbles: true,
            cancelable: true,
          }),
        );
      }
      return new Promise((r) => requestAnimationFrame(r));
    });
  }
  // Back where the session began, with nothing further to undo.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  const back = await waitForSaved(page, (d) => d.nodes.length === start);
  expect(back).toEqual(exampleDocument());
});

test('a saved diagram with an unknown kind opens with the rest and offers the original', async ({
  page,
}) => {
  const doc = exampleDocument() as unknown as { nodes: Record<string, unknown>[] };
  doc.nodes.push({
    id: 'mf',
    kind: 'mainframe',
    label: 'Old mainframe',
    position: { x: 0, y: 400 },
  });
  const text = JSON.stringify(doc);
  await openWithSaved(page, text);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.getByRole('status').filter({ hasText: 'without 1 part' })).toContainText(
    'File → Recent versions',
  );
  await runMenu(page, 'File', 'Recent versions…');
  const dialog = page.getByRole('dialog', { name: 'Recent versions' });
  const damaged = dialog.getByRole('region', { name: 'Damaged saves' });
  await expect(damaged).toContainText('nodes[6].kind');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    damaged.getByRole('button', { name: /^Download the damaged save/ }).click(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(text);
});

test('a link of 10,000 boxes opens with a progress note while it does', async ({ page }) => {
  test.setTimeout(120_000);
  const link = encodeDocumentFragment(bigDocument(10_000));
  if (!link.ok) throw new Error(link.message);
  // Every note the page shows while opening, however briefly.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __notes: string[] }).__notes = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll(
        '[data-testid="busy-note"], [data-testid="drawing-note"]',
      )) {
        const text = el.textContent ?? '';
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(`/${link.fragment}`);
  await expect(page.getByRole('region', { name: 'Shared diagram' })).toContainText('10,000 boxes', {
    timeout: 60_000,
  });
  await expect(page.locator('.react-flow__node').nth(50)).toBeVisible({ timeout: 60_000 });
  const notes = await page.evaluate(() => (window as unknown as { __notes: string[] }).__notes);
  expect(notes.some((n) => n.startsWith('Opening the shared diagram'))).toBe(true);
  expect(notes.some((n) => n.startsWith('Drawing 10,000 boxes'))).toBe(true);
  // The whole diagram is there: the minimap shows every box, the canvas the ones in view.
  await expect(page.getByRole('img', { name: /Minimap: all 10,000 boxes/ })).toBeVisible();
});

test('a 100× run of a too-busy diagram says it runs slower, and Run fast shows its progress', async ({
  page,
}) => {
  const busy: TopologyDocument = {
    version: 1,
    title: 'Too busy',
    direction: 'LR',
    nodes: [
      {
        id: 'users',
        kind: 'client',
        label: 'Users',
        position: { x: 0, y: 0 },
        config: { rps: 100_000 },
      },
      { id: 'lb', kind: 'lb', label: 'LB', position: { x: 260, y: 0 }, config: {} },
      {
        id: 'app',
        kind: 'app',
        label: 'App',
        position: { x: 520, y: 0 },
        config: { replicas: 20 },
      },
    ],
    edges: [
      { id: 'e1', source: 'users', target: 'lb' },
      { id: 'e2', source: 'lb', target: 'app' },
    ],
  };
  await openWithSaved(page, JSON.stringify(busy));
  await page.getByLabel('Speed').selectOption('100');
  await page.getByRole('button', { name: 'Play' }).click();
  const slip = page.getByTestId('speed-slip');
  await expect(slip).toHaveText(/^running at \d+(\.\d+)?× — the diagram is too busy for 100×$/, {
    timeout: 20_000,
  });
  const rate = Number.parseFloat((await slip.textContent())!.replace('running at ', ''));
  expect(rate).toBeLessThan(90);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(slip).toHaveCount(0);

  await page.getByRole('button', { name: 'Run 60 s fast' }).click();
  await expect(page.getByTestId('fast-progress')).toHaveText(/Computing 60 s: \d+\.\d s done/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('fast-progress')).toHaveCount(0);
});
