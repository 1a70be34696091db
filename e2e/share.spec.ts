// Share links: the diagram travels in the URL fragment. Opening a link shows exactly that
// diagram without touching the visitor's autosaved work until they choose to keep it; a
// damaged or foreign link explains itself and leaves the visitor's own diagram open.

import { type Browser, expect, type Page, test } from '@playwright/test';
import LZString from 'lz-string';
import type { TopologyDocument } from '../src/model/types.ts';
import { nodeByLabel, openEditor, runMenu, storedDocument, waitForSaved } from './helpers.ts';

/** A visitor in their own browser profile who has already built something of their own. */
async function visitorWithOwnWork(
  browser: Browser,
): Promise<{ page: Page; own: TopologyDocument }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openEditor(page);
  await page.getByLabel('Diagram title').fill('Visitor’s own work');
  const own = await waitForSaved(page, (d) => d.title === 'Visitor’s own work');
  return { page, own };
}

/** The sharer changes the example, then shares it; returns the link and the document. */
async function shareSomething(page: Page): Promise<{ link: string; doc: TopologyDocument }> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openEditor(page);
  await page.getByLabel('Diagram title').fill('Shared checkout');
  const cache = page.getByRole('button', { name: 'Add Redis cache', exact: true });
  await cache.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node [data-kind="cache"]')).toHaveCount(1);
  const doc = await waitForSaved(
    page,
    (d) => d.title === 'Shared checkout' && d.nodes.some((n) => n.kind === 'cache'),
  );

  await runMenu(page, 'File', 'Share link…');
  const dialog = page.getByRole('dialog', { name: 'Share a link' });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#\/doc\/v1\.[A-Za-z0-9+$-]+$/);
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  return { link, doc };
}

test('a shared link opens exactly that diagram, and the visitor keeps their own work until they choose', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // two browser profiles and several reloads on a busy machine
  const { link, doc } = await shareSomething(page);
  const visitor = await visitorWithOwnWork(browser);
  const v = visitor.page;

  await v.goto(link);
  const banner = v.getByRole('region', { name: 'Shared diagram' });
  await expect(banner).toContainText('You are viewing a shared diagram: “Shared checkout”');
  await expect(v.getByLabel('Diagram title')).toHaveValue('Shared checkout');
  await expect(v.locator('.react-flow__node')).toHaveCount(doc.nodes.length);
  for (const node of doc.nodes) await expect(nodeByLabel(v, node.label)).toBeVisible();
  await expect(v.locator('.react-flow__edge')).toHaveCount(doc.edges.length);

  // Even an edit while viewing is not autosaved over the visitor's work; leaving the page
  // (which flushes autosave) and coming back shows their own diagram.
  await v.getByLabel('Diagram title').fill('Shared checkout, tweaked');
  await v.goto(link.replace(/#.*$/, ''));
  await expect(v.getByLabel('Diagram title')).toHaveValue('Visitor’s own work');
  expect(await storedDocument(v)).toEqual(visitor.own);

  // "Back to my diagram" puts the visitor's own diagram back.
  await v.goto(link);
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Back to my diagram' }).click();
  await expect(banner).toHaveCount(0);
  await expect(v.getByLabel('Diagram title')).toHaveValue('Visitor’s own work');
  expect(await storedDocument(v)).toEqual(visitor.own);

  // "Keep this diagram" makes the shared one theirs: autosaved, exactly as shared.
  await v.goto(link);
  await banner.getByRole('button', { name: 'Keep this diagram' }).click();
  await expect(banner).toHaveCount(0);
  const kept = await waitForSaved(v, (d) => d.title === 'Shared checkout');
  expect(kept).toEqual(doc);
  await v.context().close();
});

test('Keep is one undo step, and going back after changing the shared diagram asks first', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // two browser profiles on a busy machine
  const { link, doc } = await shareSomething(page);
  const visitor = await visitorWithOwnWork(browser);
  const v = visitor.page;
  const banner = v.getByRole('region', { name: 'Shared diagram' });
  const title = v.getByLabel('Diagram title');
  const toasts = v.locator('.bp-toasts');

  // Keep, then Undo: the visitor's own diagram is back (and autosaved again); Redo re-keeps.
  await v.goto(link);
  await banner.getByRole('button', { name: 'Keep this diagram' }).click();
  await expect(banner).toHaveCount(0);
  await expect(toasts).toContainText('Undo brings your previous one back');
  expect(await waitForSaved(v, (d) => d.title === 'Shared checkout')).toEqual(doc);
  await v.keyboard.press('ControlOrMeta+z');
  await expect(title).toHaveValue('Visitor’s own work');
  expect(await waitForSaved(v, (d) => d.title === 'Visitor’s own work')).toEqual(visitor.own);
  await v.keyboard.press('ControlOrMeta+Shift+z');
  await expect(title).toHaveValue('Shared checkout');
  await v.keyboard.press('ControlOrMeta+z');
  await expect(title).toHaveValue('Visitor’s own work');
  await waitForSaved(v, (d) => d.title === 'Visitor’s own work');

  // Untouched, "Back to my diagram" goes straight back: nothing to lose, nothing asked.
  await v.goto(link);
  await banner.getByRole('button', { name: 'Back to my diagram' }).click();
  await expect(banner).toHaveCount(0);
  await expect(title).toHaveValue('Visitor’s own work');

  // Changed, it asks; Cancel leaves the changed shared diagram on show.
  await v.goto(link);
  await title.fill('Shared checkout, tweaked');
  await banner.getByRole('button', { name: 'Back to my diagram' }).click();
  await expect(banner.getByRole('alert')).toContainText('You changed this shared diagram');
  await expect(banner.getByRole('button', { name: 'Keep my changes' })).toBeFocused();
  await banner.getByRole('button', { name: 'Cancel' }).click();
  await expect(banner).toContainText('You are viewing a shared diagram');
  await expect(title).toHaveValue('Shared checkout, tweaked');

  // "Keep my changes": the changed diagram is theirs, and Undo still brings their own back.
  await banner.getByRole('button', { name: 'Back to my diagram' }).click();
  await banner.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(banner).toHaveCount(0);
  const kept = await waitForSaved(v, (d) => d.title === 'Shared checkout, tweaked');
  expect(kept.nodes).toEqual(doc.nodes);
  await title.blur();
  await v.keyboard.press('ControlOrMeta+z');
  await expect(title).toHaveValue('Visitor’s own work');
  await waitForSaved(v, (d) => d.title === 'Visitor’s own work');

  // "Drop changes and go back": the visitor's own diagram, as it was.
  await v.goto(link);
  await title.fill('Shared checkout, tweaked again');
  await banner.getByRole('button', { name: 'Back to my diagram' }).click();
  await banner.getByRole('button', { name: 'Drop changes and go back' }).click();
  await expect(banner).toHaveCount(0);
  await expect(title).toHaveValue('Visitor’s own work');
  expect(await storedDocument(v)).toEqual(visitor.own);
  await v.context().close();
});

test('a damaged link says what is wrong and opens the visitor’s own diagram', async ({ page }) => {
  await openEditor(page);
  await page.goto('/#/doc/v1.NobodyCompressedThis-AAAA');
  const dialog = page.getByRole('dialog', { name: 'This share link could not be opened' });
  await expect(dialog).toContainText('Your own diagram is open, unchanged');
  await expect(dialog).toContainText('damaged');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(nodeByLabel(page, 'Users')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Shared diagram' })).toHaveCount(0);
  // The address no longer carries the broken link, so a reload is quiet.
  expect(new URL(page.url()).hash).toBe('');
});

test('a foreign link (valid data, not a diagram) names the JSON path that is wrong', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByLabel('Diagram title').fill('Mine');
  const own = await waitForSaved(page, (d) => d.title === 'Mine');
  const foreign = { version: 1, title: 'x', nodes: [{ id: 'a', kind: 'spaceship' }], edges: [] };
  await page.goto(`/#/doc/v1.${LZString.compressToEncodedURIComponent(JSON.stringify(foreign))}`);
  const dialog = page.getByRole('dialog', { name: 'This share link could not be opened' });
  await expect(dialog).toContainText('nodes[0].kind');
  await expect(dialog).toContainText('unknown kind "spaceship"');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByLabel('Diagram title')).toHaveValue('Mine');
  expect(await storedDocument(page)).toEqual(own);

  // A link from a future version of the app is refused, not misread.
  await page.goto('/#/doc/v7.whatever');
  await expect(
    page.getByRole('dialog', { name: 'This share link could not be opened' }),
  ).toContainText('format “v7”');
});

test('in a story, Share offers the step’s own short link', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/story/system-3/2');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await runMenu(page, 'File', 'Share link…');
  const dialog = page.getByRole('dialog', { name: 'Share a link' });
  await expect(dialog.getByRole('radio', { name: /This story step/ })).toBeChecked();
  await expect(dialog.getByLabel('Share link')).toHaveValue(/#\/story\/system-3\/2$/);
  await dialog.getByRole('radio', { name: /The diagram as it is now/ }).check();
  await expect(dialog.getByLabel('Share link')).toHaveValue(/#\/doc\/v1\./);
});
