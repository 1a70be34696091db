// Story mode as a learner and an instructor use it: pick a story, step with the keys, see
// the new box highlighted, follow a deep link, reveal answers, present, try it yourself,
// and get their own diagram back afterwards.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { flowNode, mod, openEditor, runMenu, waitForSteadyView } from './helpers.ts';

const story = (page: Page) => page.getByRole('complementary', { name: 'Story' });
const stepHeading = (page: Page) => story(page).locator('.bp-story__title');

async function openSystem3FromPicker(page: Page): Promise<void> {
  await runMenu(page, 'Story', 'Open a story…');
  const picker = page.getByRole('dialog', { name: /Stories/ });
  await expect(picker.getByRole('button', { name: /System 0/ })).toBeVisible();
  await picker.getByRole('button', { name: /System 3/ }).click();
  await expect(picker).toBeHidden();
  await expect(stepHeading(page)).toHaveText('Three copies behind a load balancer');
}

test('open System 3 from the picker and step forward and back with the keys', async ({ page }) => {
  await openEditor(page);
  await openSystem3FromPicker(page);
  await expect(page).toHaveURL(/#\/story\/system-3\/1$/);
  await expect(story(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

  await page.keyboard.press('ArrowRight');
  await expect(stepHeading(page)).toHaveText('One slow server');
  await expect(page).toHaveURL(/#\/story\/system-3\/2$/);
  await page.keyboard.press('PageDown');
  await expect(stepHeading(page)).toHaveText('Least connections');
  await page.keyboard.press('ArrowLeft');
  await expect(stepHeading(page)).toHaveText('One slow server');
  await page.keyboard.press('PageUp');
  await expect(stepHeading(page)).toHaveText('Three copies behind a load balancer');
  // Bounds: nothing before the first step.
  await page.keyboard.press('ArrowLeft');
  await expect(stepHeading(page)).toHaveText('Three copies behind a load balancer');
  await expect(story(page).getByRole('button', { name: '← Previous' })).toBeDisabled();

  // The step list jumps anywhere.
  await story(page)
    .getByRole('button', { name: /Sessions in memory break/ })
    .click();
  await expect(stepHeading(page)).toHaveText('Sessions in memory break');
  await expect(
    story(page).getByRole('button', { name: /Sessions in memory break/ }),
  ).toHaveAttribute('aria-current', 'step');
});

test('the box a step adds is highlighted on the canvas', async ({ page }) => {
  await openEditor(page);
  await openSystem3FromPicker(page);
  await expect(flowNode(page, 'lb').locator('.bp-box')).toHaveAttribute('data-story', 'new');
  await expect(flowNode(page, 'app1').locator('.bp-box')).not.toHaveAttribute('data-story', /.+/);

  // "A shared session store" adds Redis: it is the new box there.
  await story(page)
    .getByRole('button', { name: /A shared session store/ })
    .click();
  await expect(flowNode(page, 'sessions')).toBeVisible();
  await expect(flowNode(page, 'sessions').locator('.bp-box')).toHaveAttribute('data-story', 'new');
  await expect(flowNode(page, 'lb').locator('.bp-box')).not.toHaveAttribute('data-story', 'new');
  // Going back takes the box away again: each step shows its own system.
  await page.keyboard.press('ArrowLeft');
  await expect(flowNode(page, 'sessions')).toHaveCount(0);
});

test('a deep link opens the right step, and unknown stories say so', async ({ page }) => {
  await page.goto('/#/story/system-3/4');
  await expect(stepHeading(page)).toHaveText('A server crashes: health checks');
  await expect(story(page).locator('.bp-story__count')).toHaveText('Step 4 of 9');
  await expect(flowNode(page, 'app2')).toBeVisible();

  await page.goto('/#/story/system-1/2');
  await expect(stepHeading(page)).toHaveText('Getting busy');

  await page.goto('/#/story/system-99/1');
  await expect(
    page.getByRole('status').filter({ hasText: 'no story called “system-99”' }),
  ).toBeVisible();
  // The address goes back to the story still open.
  await expect(page).toHaveURL(/#\/story\/system-1\/2$/);
});

test('the last step leads on to the next story, by button and by key', async ({ page }) => {
  await page.goto('/#/story/system-1/4');
  await expect(stepHeading(page)).toHaveText('A restart is downtime for everyone');
  await story(page).getByRole('button', { name: 'Next story →' }).click();
  await expect(page).toHaveURL(/#\/story\/system-2\/1$/);
  await expect(story(page).locator('.bp-story__count')).toHaveText('Step 1 of 4');
  await page.goto('/#/story/system-2/4');
  await expect(story(page).locator('.bp-story__count')).toHaveText('Step 4 of 4');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#\/story\/system-3\/1$/);
});

test('questions reveal their answers on demand', async ({ page }) => {
  await page.goto('/#/story/system-3/1');
  const question = story(page).locator('.bp-story__question').first();
  const reveal = question.getByRole('button', { name: 'Show the answer' });
  const answer = question.locator('.bp-story__a');
  await expect(reveal).toHaveAttribute('aria-expanded', 'false');
  await expect(answer).toBeHidden();
  await reveal.click();
  await expect(question.getByRole('button', { name: 'Hide the answer' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('scaling out');
});

test('presenter mode hides the panels, shows a large caption, keeps the keys; Escape leaves', async ({
  page,
}) => {
  await page.goto('/#/story/system-3/1');
  await expect(stepHeading(page)).toBeVisible();
  await page.keyboard.press('Shift+P');
  const caption = page.getByRole('region', { name: 'Presenter caption' });
  await expect(caption).toBeVisible();
  await expect(caption.getByRole('heading')).toHaveText('Three copies behind a load balancer');
  await expect(story(page)).toHaveCount(0);
  await expect(page.locator('.bp-topbar')).toHaveCount(0);
  await expect(page.locator('.bp-inspector')).toHaveCount(0);
  await expect(page.locator('.bp-palette')).toHaveCount(0);
  const size = await caption
    .locator('.bp-presenter__text p')
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(20);

  await page.keyboard.press('ArrowRight');
  await expect(caption.getByRole('heading')).toHaveText('One slow server');
  await page.keyboard.press('Escape');
  await expect(caption).toHaveCount(0);
  await expect(stepHeading(page)).toHaveText('One slow server');
  await expect(page.locator('.bp-topbar')).toBeVisible();
});

test('a step is read-only until “Try it yourself”; Reset step restores it', async ({ page }) => {
  await page.goto('/#/story/system-3/1');
  await expect(flowNode(page, 'app3')).toBeVisible();
  await waitForSteadyView(page);
  await flowNode(page, 'app3').click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('status').filter({ hasText: 'read-only' })).toBeVisible();
  await expect(flowNode(page, 'app3')).toBeVisible();
  // No name to edit and no connection to start on a read-only step.
  await flowNode(page, 'app3').dblclick();
  await expect(page.getByRole('textbox', { name: 'Box name' })).toHaveCount(0);
  await expect(flowNode(page, 'app3').locator('.react-flow__handle.connectable')).toHaveCount(0);

  await story(page).getByRole('button', { name: 'Try it yourself' }).click();
  await expect(flowNode(page, 'app3').locator('.react-flow__handle.connectable')).toHaveCount(2);
  await expect(page.locator('.bp-palette')).toBeVisible();
  // While editing, the arrow keys belong to the canvas: no page turn that would drop edits.
  await page.keyboard.press('ArrowRight');
  await expect(stepHeading(page)).toHaveText('Three copies behind a load balancer');
  await flowNode(page, 'app3').click();
  await page.keyboard.press('Delete');
  await expect(flowNode(page, 'app3')).toHaveCount(0);

  await story(page).getByRole('button', { name: 'Reset step' }).click();
  await expect(flowNode(page, 'app3')).toBeVisible();
});

test('leaving the story gives back the learner’s own diagram', async ({ page }) => {
  await openEditor(page);
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue(
    'My first backend',
  );
  await openSystem3FromPicker(page);
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue('System 3');
  await story(page).getByRole('button', { name: 'Leave story' }).click();
  await expect(story(page)).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue(
    'My first backend',
  );
  await expect(page).not.toHaveURL(/#\/story/);
  // The story's diagrams were never autosaved over the learner's work.
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue(
    'My first backend',
  );
});

test('a new diagram during a story ends the story; Undo returns to the learner’s own', async ({
  page,
}) => {
  await openEditor(page);
  await openSystem3FromPicker(page);
  await runMenu(page, 'File', 'New');
  await expect(story(page)).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page).not.toHaveURL(/#\/story/);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByRole('textbox', { name: 'Diagram title' })).toHaveValue(
    'My first backend',
  );
});

test('axe: the story panel, the picker and presenter mode have no serious violations', async ({
  page,
}) => {
  // axe walks a page full of moving dots three times: allow for a busy machine.
  test.setTimeout(150_000);
  // Scoped to what story mode draws; the rest of the app has its own axe test.
  const serious = async (scope: string) =>
    (await new AxeBuilder({ page }).include(scope).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  await page.goto('/#/story/system-3/1');
  await expect(stepHeading(page)).toBeVisible();
  await runMenu(page, 'Story', 'Open a story…');
  await expect(page.getByRole('dialog', { name: /Stories/ })).toBeVisible();
  expect(await serious('.bp-dialog')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /Stories/ })).toBeHidden();
  await story(page).getByRole('button', { name: 'Show the answer' }).first().click();
  expect(await serious('.bp-story')).toEqual([]);
  await page.keyboard.press('Shift+P');
  await expect(page.getByRole('region', { name: 'Presenter caption' })).toBeVisible();
  expect(await serious('.bp-presenter')).toEqual([]);
});
