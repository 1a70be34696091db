// View commands: auto-layout, the shortcuts overlay, menus by keyboard, view toggles.

import { expect, test } from '@playwright/test';
import {
  centerOf,
  flowNode,
  mod,
  mouseDrag,
  openEditor,
  runMenu,
  waitForSaved,
} from './helpers.ts';

// Real drags in a real browser on a shared, busy machine: allow for slowness.
test.describe.configure({ timeout: 120_000 });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('auto-layout moves boxes so that none overlap, in one undo step', async ({ page }) => {
  await openEditor(page);
  // Pile three boxes on top of the database.
  for (const id of ['app1', 'app2', 'lb']) {
    await mouseDrag(page, await centerOf(flowNode(page, id)), await centerOf(flowNode(page, 'db')));
  }
  const piled = await waitForSaved(
    page,
    (d) => d.nodes.find((n) => n.id === 'lb')!.position.x > 800,
  );
  await runMenu(page, 'View', 'Tidy up (auto-layout)');
  const laid = await waitForSaved(page, (d) => JSON.stringify(d) !== JSON.stringify(piled));
  expect(laid.nodes.map((n) => n.id).sort()).toEqual(piled.nodes.map((n) => n.id).sort());
  // On screen, no two boxes overlap.
  const boxes: Box[] = [];
  for (const id of laid.nodes.map((n) => n.id))
    boxes.push((await flowNode(page, id).boundingBox())!);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
  }
  // Left to right along the flow: users before nginx before the LB before the apps before the DB.
  const x = (id: string) => laid.nodes.find((n) => n.id === id)!.position.x;
  expect(x('users')).toBeLessThan(x('nginx'));
  expect(x('nginx')).toBeLessThan(x('lb'));
  expect(x('lb')).toBeLessThan(x('app1'));
  expect(x('app1')).toBeLessThan(x('db'));
  await page.keyboard.press(`${mod}+z`);
  await waitForSaved(page, (d) => JSON.stringify(d) === JSON.stringify(piled));
});

test('? opens the shortcuts overlay generated from the actions', async ({ page }) => {
  await openEditor(page);
  await page.keyboard.press('Shift+?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const label of [
    'Undo',
    'Redo',
    'Duplicate',
    'Delete',
    'Copy',
    'Paste',
    'Fit view',
    'Save',
  ]) {
    await expect(dialog.getByText(label, { exact: true })).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await runMenu(page, 'Help', 'Keyboard shortcuts');
  await expect(dialog).toBeVisible();
});

test('menus work from the keyboard', async ({ page }) => {
  await openEditor(page);
  const edit = page.getByRole('button', { name: 'Edit', exact: true });
  await edit.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  // Undo is disabled (nothing to undo yet); Select all is enabled.
  await expect(menu.getByRole('menuitem', { name: /Undo/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(edit).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('menuitem', { name: /Select all/ }).click();
  await expect(page.getByText('6 boxes and 6 connections selected')).toBeVisible();
});

test('after a menu command the keys go back to the diagram: Space plays', async ({ page }) => {
  await openEditor(page);
  await runMenu(page, 'View', 'Fit view');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByRole('menu')).toHaveCount(0);
});

test('view toggles: minimap and snap to grid', async ({ page }) => {
  await openEditor(page);
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await runMenu(page, 'View', 'Minimap');
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await page.keyboard.press('Shift+M');
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  // With snapping on, a drag ends on the 20 px grid.
  const c = await centerOf(flowNode(page, 'db'));
  await mouseDrag(page, c, { x: c.x + 37, y: c.y + 23 });
  const doc = await waitForSaved(
    page,
    (d) => d.nodes.find((n) => n.id === 'db')!.position.x !== 980,
  );
  const p = doc.nodes.find((n) => n.id === 'db')!.position;
  expect(p.x % 20).toBe(0);
  expect(p.y % 20).toBe(0);
  // The key says what it did, since nothing moves until the next drag.
  await page.keyboard.press('Shift+G');
  await expect(page.getByRole('status').filter({ hasText: 'Snap to grid off' })).toBeVisible();
  await page.keyboard.press('Shift+G');
  await expect(page.getByRole('status').filter({ hasText: 'Snap to grid on' })).toBeVisible();
});

test('arrow keys nudge the selected box; the nudges undo as one step', async ({ page }) => {
  await openEditor(page);
  await flowNode(page, 'db').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const moved = await waitForSaved(page, (d) => {
    const p = d.nodes.find((n) => n.id === 'db')!.position;
    return p.x > 980 && p.y > 160;
  });
  expect(moved.nodes.find((n) => n.id === 'db')!.position.x).toBeGreaterThan(980);
  await page.keyboard.press(`${mod}+z`);
  await waitForSaved(page, (d) => {
    const p = d.nodes.find((n) => n.id === 'db')!.position;
    return p.x === 980 && p.y === 160;
  });
});
