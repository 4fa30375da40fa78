import { expect, test, type Page } from '@playwright/test';
import { loginAs, snap } from './helpers';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('at 375 px the navigation collapses behind a Menu button and pages fit the screen', async ({ page }, testInfo) => {
  await loginAs(page);
  await expectNoHorizontalScroll(page);
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  const toggle = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  await snap(page, testInfo, 'mobile-beranda');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Pegawai', exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, 'mobile-menu-open');

  await nav.getByRole('link', { name: 'Pegawai', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeVisible();
  // Navigating closes the menu again.
  await expect(nav).toBeHidden();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, 'mobile-pegawai');

  await page.goto('/admin/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor Pegawai' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, 'mobile-impor');
});
