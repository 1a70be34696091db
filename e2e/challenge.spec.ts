// Challenges as a learner and a course page use them: open one, see Check fail with named
// reasons, fix the design on the canvas, see it pass and the best result kept after a
// reload; and an embedded challenge reporting its grade to the course page.

import { expect, type Page, test } from '@playwright/test';
import { flowNode, openEditor, runMenu } from './helpers.ts';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Challenge' });
const goal = (page: Page, id: string) => panel(page).locator(`[data-goal="${id}"]`);

test('a challenge fails Check with reasons, passes once fixed, and keeps the best result', async ({
  page,
}) => {
  await openEditor(page);
  await runMenu(page, 'Challenge', 'Open a challenge…');
  const picker = page.getByRole('dialog', { name: /Challenges/ });
  await expect(picker.getByTestId('best-one-server')).toHaveText('Not tried yet');
  await picker.getByRole('button', { name: /One server is not enough/ }).click();
  await expect(picker).toBeHidden();
  await expect(page).toHaveURL(/#\/challenge\/one-server$/);
  await expect(
    panel(page).getByRole('heading', { name: 'One server is not enough' }),
  ).toBeVisible();
  await expect(page.getByTestId('total-cost')).toHaveText(
    'Monthly cost: $73.55 of $250/mo a month',
  );

  // Check: the engine runs the script in the Worker and names what went wrong, and where.
  await panel(page).getByRole('button', { name: 'Check my design' }).click();
  await expect(page.getByTestId('challenge-summary')).toHaveText(
    '2 of 4 met. The missed ones say why.',
  );
  await expect(goal(page, 'goal-0')).toHaveAttribute('data-passed', 'false');
  await expect(goal(page, 'goal-0')).toContainText('Error rate < 1%');
  await expect(goal(page, 'goal-0').locator('.bp-goal__figure')).toHaveText(/^\d+(\.\d)?%$/);
  const cause = goal(page, 'goal-0').locator('.bp-goal__cause');
  await expect(cause).toHaveText(/^App ran out of workers at \d+ s/);
  await expect(goal(page, 'goal-1')).toHaveAttribute('data-passed', 'false');
  await expect(goal(page, 'budget')).toHaveAttribute('data-passed', 'true');
  // The graded run is charted, with a point per second.
  await expect(page.getByTestId('grade-chart-latency')).toHaveAttribute('data-points', '30');
  // The reason points at the box: clicking it selects App, whose price the inspector shows.
  await cause.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByTestId('box-cost')).toHaveText(
    '$59.57 a month: EC2 m7g.large, 2 vCPU for 4 workers.',
  );

  // Fix it on the canvas: three copies of the server.
  await expect(flowNode(page, 'app')).toHaveClass(/selected/);
  const replicas = inspector.getByLabel('Replicas', { exact: true });
  await replicas.fill('3');
  await replicas.press('Enter');
  await expect(page.getByTestId('total-cost')).toHaveText(
    'Monthly cost: $192.69 of $250/mo a month',
  );
  await expect(panel(page).locator('.bp-challenge__stale')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('challenge-summary')).toHaveText(
    'Passed: all 4 met, for $192.69 a month.',
  );
  for (const id of ['goal-0', 'goal-1', 'budget', 'rules']) {
    await expect(goal(page, id)).toHaveAttribute('data-passed', 'true');
  }
  await expect(panel(page).getByTestId('challenge-best')).toHaveText(
    'Best: Passed · $192.69 a month',
  );

  // After a reload the challenge, the design and the best result are all still there.
  await page.reload();
  await expect(panel(page).getByTestId('challenge-best')).toHaveText(
    'Best: Passed · $192.69 a month',
  );
  await expect(flowNode(page, 'app')).toContainText('×3');
  await runMenu(page, 'Challenge', 'Open a challenge…');
  await expect(page.getByTestId('best-one-server')).toHaveText('Passed · $192.69 a month');
  await page.keyboard.press('Escape');

  // Leaving gives the learner's own diagram back.
  await runMenu(page, 'Challenge', 'Leave the challenge');
  await expect(panel(page)).toHaveCount(0);
  await expect(flowNode(page, 'nginx')).toBeVisible();
  await expect(page).not.toHaveURL(/#\/challenge/);
});

test('an embedded challenge posts its grade to the course page, and takes the page’s own', async ({
  page,
}) => {
  await page.goto('/course-example.html');
  const frame = page.frameLocator('#embed-challenge');
  const readout = (field: string) =>
    page.locator(`[data-readout="challenge"] [data-field="${field}"]`);
  await expect(frame.getByRole('button', { name: 'Check my design' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(readout('challenge')).toHaveText('One server is not enough');

  // The page presses Check through the API; the embed grades and posts `graded`.
  await page.getByRole('button', { name: 'Check the design' }).click();
  const log = page.locator('[data-graded-log] > li');
  await expect(log).toHaveCount(1);
  await expect(log.first()).toHaveAttribute('data-passed', 'false');
  await expect(log.first()).toContainText('Missed 2 of 4 · One server is not enough · $73.55');
  await expect(log.first()).toContainText('✗ Error rate < 1%: ');
  await expect(log.first()).toContainText('(App ran out of workers at');
  await expect(readout('grade')).toHaveText('2 of 4 goals');

  // The learner fixes it in the frame and checks there: the page hears of that too.
  await frame.locator('.react-flow__node[data-id="app"]').click();
  const replicas = frame.getByLabel('Replicas', { exact: true });
  await replicas.fill('3');
  await replicas.press('Enter');
  await frame.getByRole('button', { name: 'Check my design' }).click();
  await expect(log).toHaveCount(2);
  await expect(log.first()).toHaveAttribute('data-passed', 'true');
  await expect(log.first()).toContainText('Passed · One server is not enough · $192.69');
  await expect(readout('grade')).toHaveText('passed');

  // The page sends a challenge of its own: the embed shows it.
  await page.getByRole('button', { name: 'Send this course’s own challenge' }).click();
  await expect(readout('challenge')).toHaveText('Our own: the database on slow disks');
  await expect(
    frame.getByRole('heading', { name: 'Our own: the database on slow disks' }),
  ).toBeVisible();
  await expect(frame.locator('.react-flow__node[data-id="db"]')).toBeVisible();
});
