// Following one request: in System 3's crash step, a red dot at the crashed server opens
// its journey, which ends at that box with cause `down`, and the waterfall's times add up to
// the latency the user saw.

import { expect, type Page, test } from '@playwright/test';
import { waitForSteadyView } from './helpers.ts';

const dots = (page: Page) => page.getByTestId('live-dots');

async function clock(page: Page): Promise<number> {
  return Number.parseFloat((await page.getByTestId('sim-clock').textContent()) ?? '');
}

test('click a failed dot in the crash step: its journey ends at the crashed box, cause down', async ({
  page,
}) => {
  await page.goto('/#/story/system-3/4');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await waitForSteadyView(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('2');
  if ((await page.getByRole('button', { name: 'Play', exact: true }).count()) > 0) {
    await page.getByRole('button', { name: 'Play', exact: true }).click();
  }
  // App 2 crashes at 10 s; until the health checks take it out, requests sent to it fail.
  await expect.poll(() => clock(page), { timeout: 20_000 }).toBeGreaterThan(9);
  // Pause the moment a red dot is drawn (in the page, so it cannot slip away meanwhile).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const look = () => {
          const c = document.querySelector<HTMLElement>('[data-testid="live-dots"]');
          if (c?.dataset.failedDot) {
            document.querySelector<HTMLButtonElement>('button[aria-label="Pause"]')!.click();
            resolve();
          } else requestAnimationFrame(look);
        };
        look();
      }),
  );
  // Paused, the dots stand still: click a red one.
  await expect(dots(page)).not.toHaveAttribute('data-failed-dot', '');
  const spot = (await dots(page).getAttribute('data-failed-dot'))!.split(',').map(Number);
  await page.mouse.click(spot[0]!, spot[1]!);
  const panel = page.getByTestId('journey');
  await expect(panel).toBeVisible();
  const outcome = page.getByTestId('journey-outcome');
  await expect(outcome).toHaveAttribute('data-cause', 'down');
  await expect(outcome).toHaveAttribute('data-failed-at', 'app2');
  await expect(outcome).toContainText('down at App 2');
  // The last box of the waterfall is the crashed one, and it says so.
  await expect(panel.locator('.bp-waterfall__row').last()).toHaveAttribute('data-node', 'app2');
  await expect(panel.getByTestId('journey-cause')).toHaveText('failed here: down');
  const latency = Number(await outcome.getAttribute('data-latency'));
  const parts = await panel
    .locator('.bp-waterfall__phase')
    .evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.ms)));
  const sum = parts.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - latency)).toBeLessThanOrEqual(1);
  // Its path glows on the canvas; Escape lets it go.
  await expect(dots(page)).toHaveAttribute('data-followed', /\d+/);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});
