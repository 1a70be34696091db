// Building a diagram: adding every kind of box from the palette (drag, click, keyboard),
// editing it in the inspector, renaming it, undo and redo.

import { expect, test } from '@playwright/test';
import { KINDS } from '../src/model/kinds.ts';
import { NODE_KINDS } from '../src/model/types.ts';
import {
  canvasPane,
  dragFromPalette,
  flowNode,
  mod,
  nodeByLabel,
  openEditor,
  openEmptyEditor,
  waitForSaved,
} from './helpers.ts';

// Real drags in a real browser on a shared, busy machine: allow for slowness.
test.describe.configure({ timeout: 120_000 });

test('first visit opens the example with a dismissible hint', async ({ page }) => {
  await openEditor(page);
  for (const label of ['Users', 'nginx', 'Load balancer', 'App 1', 'App 2', 'Database']) {
    await expect(nodeByLabel(page, label)).toBeVisible();
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  const hint = page.getByRole('note');
  await expect(hint).toContainText('Drag a box from the left');
  await hint.getByRole('button', { name: 'Dismiss hint' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(nodeByLabel(page, 'Users')).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('the first-visit hint goes once the learner has added a box', async ({ page }) => {
  await openEditor(page);
  const hint = page.getByRole('note');
  await expect(hint).toContainText('Drag a box from the left');
  await dragFromPalette(page, 'App server', { x: 300, y: 120 });
  await expect(page.locator('.react-flow__node [data-kind="app"]')).toHaveCount(3);
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(nodeByLabel(page, 'Users')).toBeVisible();
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('every kind can be dragged from the palette onto the canvas', async ({ page }) => {
  await openEmptyEditor(page);
  const pane = await canvasPane(page).boundingBox();
  expect(pane).not.toBeNull();
  let i = 0;
  for (const kind of NODE_KINDS) {
    if (kind === 'group') continue;
    const at = { x: 120 + (i % 4) * 200, y: 80 + Math.floor(i / 4) * 110 };
    await dragFromPalette(page, KINDS[kind].title, at);
    i++;
    await expect(page.locator(`.react-flow__node [data-kind="${kind}"]`)).toHaveCount(1);
  }
  // The host goes last, in free space below, so it doesn't swallow the other boxes.
  await dragFromPalette(page, KINDS.group.title, { x: 400, y: pane!.height - 160 });
  await expect(page.locator('.react-flow__node [data-kind="group"]')).toHaveCount(1);
  const doc = await waitForSaved(page, (d) => d.nodes.length === NODE_KINDS.length);
  expect(new Set(doc.nodes.map((n) => n.kind))).toEqual(new Set(NODE_KINDS));
  expect(doc.nodes.every((n) => n.parent === undefined)).toBe(true);
  // Each box landed where it was dropped: left to right in the order dragged.
  const xs = doc.nodes.slice(0, 4).map((n) => n.position.x);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
});

test('keyboard: Tab to a palette item and press Enter to add it at a free spot', async ({
  page,
}) => {
  await openEditor(page);
  const item = page.getByRole('button', { name: 'Add Redis cache', exact: true });
  await item.focus();
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const caches = page.locator('.react-flow__node [data-kind="cache"]');
  await expect(caches).toHaveCount(2);
  const a = await caches.nth(0).boundingBox();
  const b = await caches.nth(1).boundingBox();
  const overlap =
    a!.x < b!.x + b!.width &&
    b!.x < a!.x + a!.width &&
    a!.y < b!.y + b!.height &&
    b!.y < a!.y + a!.height;
  expect(overlap).toBe(false);
  // The blurb is the item's accessible description.
  await expect(item).toHaveAccessibleDescription(KINDS.cache.blurb);
});

test('edit a config value in the inspector, see it on the box, undo and redo it', async ({
  page,
}) => {
  await openEditor(page);
  const app = flowNode(page, 'app1');
  await app.click();
  const workers = page.getByLabel('Workers', { exact: true });
  await expect(workers).toHaveValue('4');
  await workers.fill('12');
  await expect(app).toContainText('12 workers');
  // Invalid values are explained and not applied.
  await workers.fill('-3');
  await expect(page.getByRole('alert')).toContainText('at least 1');
  await expect(app).toContainText('12 workers');
  await workers.fill('2.5');
  await expect(page.getByRole('alert')).toContainText('whole number');
  await workers.fill('abc');
  await expect(page.getByRole('alert')).toContainText('Enter a number');
  await expect(app).toContainText('12 workers');
  await workers.press('Escape');
  await expect(workers).toHaveValue('12');
  await canvasPane(page).click({ position: { x: 30, y: 30 } });
  await page.keyboard.press(`${mod}+z`);
  await expect(app).toContainText('4 workers');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(app).toContainText('12 workers');
  await page.keyboard.press(`${mod}+z`);
  await page.keyboard.press(`${mod}+y`);
  await expect(app).toContainText('12 workers');
  // Enum, switch and replicas (a stack) too.
  await app.click();
  await page.getByLabel('Replicas', { exact: true }).fill('3');
  await expect(app.locator('.bp-box--stack3')).toHaveCount(1);
  await flowNode(page, 'lb').click();
  await page.getByLabel('Strategy').selectOption('least-connections');
  await expect(flowNode(page, 'lb')).toContainText('Least connections');
  await flowNode(page, 'nginx').click();
  const tls = page.getByRole('switch', { name: 'Terminate TLS' });
  await expect(tls).toHaveAttribute('aria-checked', 'true');
  await tls.click();
  await expect(flowNode(page, 'nginx')).toContainText('no TLS');
});

test('rename by double-click: Enter commits, Escape cancels, undo restores', async ({ page }) => {
  await openEditor(page);
  const db = flowNode(page, 'db');
  await db.dblclick();
  const field = page.getByRole('textbox', { name: 'Box name' });
  await field.fill('Orders DB');
  await field.press('Enter');
  await expect(db.locator('.bp-box__label')).toHaveText('Orders DB');
  await db.dblclick();
  await page.getByRole('textbox', { name: 'Box name' }).fill('Nope');
  await page.getByRole('textbox', { name: 'Box name' }).press('Escape');
  await expect(db.locator('.bp-box__label')).toHaveText('Orders DB');
  await page.keyboard.press(`${mod}+z`);
  await expect(db.locator('.bp-box__label')).toHaveText('Database');
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(db.locator('.bp-box__label')).toHaveText('Orders DB');
});

test('rename in the inspector: the name can be cleared and retyped; one undo step', async ({
  page,
}) => {
  await openEditor(page);
  const app = flowNode(page, 'app1');
  await app.click();
  const name = page.getByLabel('Name', { exact: true });
  await name.click();
  await name.press(`${mod}+a`);
  await name.press('Backspace');
  await expect(name).toHaveValue('');
  await expect(page.getByRole('alert')).toContainText('keeps “App 1”');
  await name.pressSequentially('Web');
  await expect(app.locator('.bp-box__label')).toHaveText('Web');
  await name.press('Enter');
  await page.keyboard.press(`${mod}+z`);
  await expect(app.locator('.bp-box__label')).toHaveText('App 1');
  // Left empty, the field puts the name back.
  await name.fill('');
  await name.blur();
  await expect(name).toHaveValue('App 1');
});

test('the document title is editable and undoable in one step', async ({ page }) => {
  await openEditor(page);
  const title = page.getByRole('textbox', { name: 'Diagram title' });
  await title.fill('Shop backend');
  await title.press('Enter');
  const doc = await waitForSaved(page, (d) => d.title === 'Shop backend');
  expect(doc.title).toBe('Shop backend');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(title).toHaveValue('My first backend');
});

test('the routes table edits a client traffic mix: change, add, remove, validate', async ({
  page,
}) => {
  await openEditor(page);
  await flowNode(page, 'users').click();
  const weight = page.getByRole('textbox', { name: 'Route 1 weight' });
  await weight.fill('20');
  let doc = await waitForSaved(page, (d) => {
    const routes = d.nodes.find((n) => n.id === 'users')!.config.routes as { weight: number }[];
    return routes[0]!.weight === 20;
  });
  // A negative weight is refused (marked invalid, not saved).
  await weight.fill('-1');
  await expect(weight).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '+ Add route' }).click();
  await page.getByRole('textbox', { name: 'Route 4 path' }).fill('/api/search');
  await page.getByRole('combobox', { name: 'Route 4 method' }).selectOption('POST');
  doc = await waitForSaved(
    page,
    (d) => (d.nodes.find((n) => n.id === 'users')!.config.routes as unknown[]).length === 4,
  );
  const routes = doc.nodes.find((n) => n.id === 'users')!.config.routes as {
    method: string;
    path: string;
    weight: number;
  }[];
  expect(routes[0]!.weight).toBe(20);
  await expect
    .poll(async () => {
      const d = await waitForSaved(page, () => true);
      return (
        d.nodes.find((n) => n.id === 'users')!.config.routes as { method: string; path: string }[]
      )[3];
    })
    .toMatchObject({ method: 'POST', path: '/api/search' });
  await page.getByRole('button', { name: 'Remove route 2' }).click();
  await waitForSaved(
    page,
    (d) => (d.nodes.find((n) => n.id === 'users')!.config.routes as unknown[]).length === 3,
  );
});
