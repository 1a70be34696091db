// Wiring and rearranging: connect (and be refused with a reason), edge labels, multi-select,
// delete, duplicate, copy/paste, and moving boxes into and out of a host.

import { expect, test } from '@playwright/test';
import { exampleDocument } from '../src/model/example.ts';
import {
  canvasPane,
  centerOf,
  connectNodes,
  dragFromPalette,
  flowNode,
  mod,
  mouseDrag,
  openEditor,
  waitForSaved,
} from './helpers.ts';

// Real drags in a real browser on a shared, busy machine: allow for slowness.
test.describe.configure({ timeout: 120_000 });

test('connect two boxes by dragging between handles; undo and redo', async ({ page }) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Add Redis cache', exact: true }).click();
  const cache = page.locator('.react-flow__node:has([data-kind="cache"])');
  const cacheId = await cache.getAttribute('data-id');
  await connectNodes(page, 'app1', cacheId!);
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  const doc = await waitForSaved(page, (d) => d.edges.length === 7);
  expect(doc.edges.some((e) => e.source === 'app1' && e.target === cacheId)).toBe(true);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
});

test('a connection dropped anywhere on a box connects; boxes it cannot go to fade while dragging', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByRole('button', { name: 'Add Redis cache', exact: true }).click();
  const cache = page.locator('.react-flow__node:has([data-kind="cache"])');
  const cacheId = await cache.getAttribute('data-id');
  const from = await centerOf(flowNode(page, 'app1').locator('.react-flow__handle.source'));
  // The middle of the cache box, far from its small left dot.
  const to = await centerOf(cache.locator('.bp-box__label'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 3 });
  await expect(flowNode(page, 'users').locator('.bp-box')).toHaveClass(/is-drop-refused/);
  await expect(cache.locator('.bp-box')).toHaveClass(/is-drop-target/);
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  const doc = await waitForSaved(page, (d) => d.edges.length === 7);
  expect(doc.edges.some((e) => e.source === 'app1' && e.target === cacheId)).toBe(true);
  // Once the drag is over nothing stays faded.
  await expect(page.locator('.bp-box.is-drop-refused')).toHaveCount(0);
  // Dropped on the body of a box it cannot go to, the reason is given.
  const users = await centerOf(flowNode(page, 'users').locator('.bp-box__label'));
  await mouseDrag(page, from, users);
  await expect(page.getByRole('status')).toContainText('Nothing flows into a client');
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
});

test('an invalid connection is refused with the reason', async ({ page }) => {
  await openEditor(page);
  await connectNodes(page, 'app1', 'users');
  const status = page.getByRole('status');
  await expect(status).toContainText('Nothing flows into a client');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
  await connectNodes(page, 'db', 'app2');
  await expect(status).toContainText('A database only answers queries');
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);
});

test('edge labels are edited by double-click or in the inspector, and undo', async ({ page }) => {
  await openEditor(page);
  // The nginx → LB edge carries "/api" in the example.
  const label = page.locator('.bp-edge-label', { hasText: '/api' });
  await label.dblclick();
  const input = page.getByRole('textbox', { name: 'Connection label (path prefix)' });
  await input.fill('/v2');
  await input.press('Enter');
  await expect(page.locator('.bp-edge-label', { hasText: '/v2' })).toBeVisible();
  await waitForSaved(page, (d) => d.edges.some((e) => e.label === '/v2'));
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.bp-edge-label', { hasText: '/api' })).toBeVisible();
  // Select an edge by clicking its path; the inspector edits its label.
  const edge = page.locator('.react-flow__edge[data-id="e-lb-app1"] .react-flow__edge-interaction');
  await edge.click({ force: true });
  await expect(page.getByRole('heading', { name: 'Connection' })).toBeVisible();
  await page.getByLabel('Label (path prefix)').fill('/images');
  await expect(page.locator('.bp-edge-label', { hasText: '/images' })).toBeVisible();
});

test('multi-select with shift-click and a selection box, then delete; undo brings all back', async ({
  page,
}) => {
  await openEditor(page);
  await flowNode(page, 'app1').click();
  await flowNode(page, 'app2').click({ modifiers: ['Shift'] });
  await expect(page.getByText('2 boxes selected')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  // The edges to and from the deleted boxes go too.
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(6);

  // A selection box (Shift + drag on the background) around nginx and the load balancer,
  // starting well away from the canvas edge (near it, React Flow pans while selecting).
  const nginx = await flowNode(page, 'nginx').boundingBox();
  const lb = await flowNode(page, 'lb').boundingBox();
  await mouseDrag(
    page,
    { x: nginx!.x - 15, y: nginx!.y - 40 },
    { x: lb!.x + lb!.width + 15, y: lb!.y + lb!.height + 40 },
    ['Shift'],
  );
  await expect(page.getByText(/2 boxes( and \d connections?)? selected/)).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
});

test('Delete while typing in a field edits the text, not the diagram', async ({ page }) => {
  await openEditor(page);
  await flowNode(page, 'db').click();
  const name = page.getByLabel('Name', { exact: true });
  await name.click();
  await name.press('End');
  await name.press('Backspace');
  await expect(name).toHaveValue('Databas');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
});

test('duplicate and copy/paste give new ids with the internal edges kept', async ({ page }) => {
  await openEditor(page);
  await flowNode(page, 'app1').click();
  await flowNode(page, 'db').click({ modifiers: ['Shift'] });
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  let doc = await waitForSaved(page, (d) => d.nodes.length === 8);
  const ids = doc.nodes.map((n) => n.id);
  expect(new Set(ids).size).toBe(8);
  const pasted = doc.nodes.slice(6);
  expect(pasted.map((n) => n.kind).sort()).toEqual(['app', 'db']);
  const [pApp, pDb] = [pasted.find((n) => n.kind === 'app')!, pasted.find((n) => n.kind === 'db')!];
  expect(doc.edges.some((e) => e.source === pApp.id && e.target === pDb.id)).toBe(true);
  const original = doc.nodes.find((n) => n.id === 'app1')!;
  expect(pApp.position.x).toBeGreaterThan(original.position.x);
  // Duplicate (Mod+D) the pasted pair once more.
  await page.keyboard.press(`${mod}+d`);
  await expect(page.locator('.react-flow__node')).toHaveCount(10);
  doc = await waitForSaved(page, (d) => d.nodes.length === 10);
  expect(doc.edges).toHaveLength(8);
  await page.keyboard.press(`${mod}+z`);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
});

test('drag a box into a host to group it, and out again to ungroup; one undo step each', async ({
  page,
}) => {
  await openEditor(page);
  const pane = await canvasPane(page).boundingBox();
  // A host in the empty space under the diagram.
  await dragFromPalette(page, 'Host', { x: pane!.width / 2, y: pane!.height - 150 });
  const host = page.locator('.react-flow__node-host');
  await expect(host).toHaveCount(1);
  const hostId = (await host.getAttribute('data-id'))!;
  const app2 = flowNode(page, 'app2');
  const before = await app2.boundingBox();
  await mouseDrag(page, await centerOf(app2.locator('.bp-box__summary')), await centerOf(host));
  let doc = await waitForSaved(
    page,
    (d) => d.nodes.find((n) => n.id === 'app2')?.parent === hostId,
  );
  const inHost = doc.nodes.find((n) => n.id === 'app2')!;
  // Relative to the host now: small, positive coordinates inside its frame.
  expect(inHost.position.x).toBeGreaterThanOrEqual(0);
  expect(inHost.position.y).toBeGreaterThanOrEqual(0);
  // It did not jump: it sits where it was dropped, inside the host's box on screen.
  const hostBox = (await host.boundingBox())!;
  const inside = (await app2.boundingBox())!;
  expect(inside.x).toBeGreaterThan(hostBox.x);
  expect(inside.y).toBeGreaterThan(hostBox.y);
  // Moving the host moves what it holds.
  const hostBar = host.locator('.bp-host__bar');
  const barAt = await centerOf(hostBar);
  await mouseDrag(page, barAt, { x: barAt.x + 60, y: barAt.y });
  await expect.poll(async () => ((await app2.boundingBox())!.x - inside.x) | 0).toBeGreaterThan(40);
  // Drag it out again, back up to where it was.
  const now = (await app2.boundingBox())!;
  await mouseDrag(page, await centerOf(app2.locator('.bp-box__summary')), {
    x: before!.x + before!.width / 2,
    y: before!.y + before!.height - 10,
  });
  doc = await waitForSaved(
    page,
    (d) => d.nodes.find((n) => n.id === 'app2')?.parent === undefined && d.nodes.length === 7,
  );
  const out = (await app2.boundingBox())!;
  expect(Math.abs(out.y - before!.y)).toBeLessThan(40);
  expect(out.y).toBeLessThan(now.y);
  // Undo puts it back into the host.
  await page.keyboard.press(`${mod}+z`);
  doc = await waitForSaved(page, (d) => d.nodes.find((n) => n.id === 'app2')?.parent === hostId);
  expect(doc.nodes.find((n) => n.id === 'app2')!.parent).toBe(hostId);
});

test('a whole drag is one undo step', async ({ page }) => {
  await openEditor(page);
  const db = flowNode(page, 'db');
  const start = exampleDocument().nodes.find((n) => n.id === 'db')!.position;
  const c = await centerOf(db);
  await mouseDrag(page, c, { x: c.x + 100, y: c.y + 80 });
  await waitForSaved(page, (d) => d.nodes.find((n) => n.id === 'db')!.position.x !== start.x);
  await page.keyboard.press(`${mod}+z`);
  const back = await waitForSaved(
    page,
    (d) => d.nodes.find((n) => n.id === 'db')!.position.x === start.x,
  );
  expect(back.nodes.find((n) => n.id === 'db')!.position).toEqual(start);
});

test('a box dropped from the palette onto a host joins it; a host can be resized', async ({
  page,
}) => {
  await openEditor(page);
  const pane = await canvasPane(page).boundingBox();
  await dragFromPalette(page, 'Host', { x: pane!.width / 2, y: pane!.height - 150 });
  const host = page.locator('.react-flow__node-host');
  const hostId = (await host.getAttribute('data-id'))!;
  const hostBox = (await host.boundingBox())!;
  // Drop a worker into the middle of the host frame (pane-relative coordinates).
  await dragFromPalette(page, 'Worker', {
    x: hostBox.x - pane!.x + hostBox.width / 2,
    y: hostBox.y - pane!.y + hostBox.height / 2 + 10,
  });
  const doc = await waitForSaved(page, (d) => d.nodes.some((n) => n.kind === 'worker'));
  expect(doc.nodes.find((n) => n.kind === 'worker')!.parent).toBe(hostId);
  // Resize from the bottom-right corner: one undo step.
  await host.locator('.bp-host__bar').click();
  const corner = host.locator('.react-flow__resize-control.bottom.right').first();
  await expect(corner).toBeVisible();
  const c = await centerOf(corner);
  await mouseDrag(page, c, { x: c.x + 80, y: c.y + 40 });
  const resized = await waitForSaved(
    page,
    (d) => (d.nodes.find((n) => n.id === hostId)!.size?.width ?? 0) > 420,
  );
  expect(resized.nodes.find((n) => n.id === hostId)!.size!.height).toBeGreaterThan(240);
  await page.keyboard.press(`${mod}+z`);
  await waitForSaved(page, (d) => d.nodes.find((n) => n.id === hostId)!.size?.width === 420);
});
