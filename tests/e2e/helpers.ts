import { expect, type Page, type TestInfo } from '@playwright/test';

export const ADMIN_USER = process.env.E2E_ADMIN_USER ?? 'admin@kinerja360.local';
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'Admin#2026';

/** Signs in through the login form and waits for Beranda. */
export async function loginAs(page: Page, username = ADMIN_USER, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('NIP atau email').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
}

/** A full-page screenshot stored with the test's results. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/**
 * Follows an entry of the main navigation: opens the phone drawer or the area's menu first when
 * they are there (an area with a single entry is a plain link).
 */
export async function navTo(page: Page, area: string, link: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  const toggle = page.getByRole('button', { name: 'Menu', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const areaButton = nav.getByRole('button', { name: area, exact: true });
  if ((await areaButton.isVisible()) && (await areaButton.getAttribute('aria-expanded')) !== 'true') {
    await areaButton.click();
  }
  await nav.getByRole('link', { name: link, exact: true }).click();
}
