import { test, expect } from '@playwright/test';
for (const step of [10, 11]) {
  test(`shot ${step}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/#/story/system-6/${step}`);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.waitForTimeout(step === 10 ? 22000 : 26000);
    await page.screenshot({ path: `/tmp/shots/s6-${step}.png` });
  });
}
