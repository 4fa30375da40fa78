import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_USER, snap } from './helpers';

test.describe('login', () => {
  test('a wrong password shows the server message and keeps the user on the login page', async ({ page }, testInfo) => {
    await page.goto('/');
    // Not signed in: the SPA sends us to the login page.
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Kinerja360' })).toBeVisible();

    await page.getByLabel('NIP atau email').fill(ADMIN_USER);
    await page.getByLabel('Kata sandi').fill('salah-sandi-123');
    await page.getByRole('button', { name: 'Masuk' }).click();

    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await expect(alert).toBeVisible();
    await expect(alert).not.toHaveText(/^HTTP \d+$/);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'Masuk' })).toBeEnabled();
    await snap(page, testInfo, 'login-error');
  });

  test('the right password opens Beranda, survives a reload, and Keluar signs out', async ({ page }, testInfo) => {
    await page.goto('/login');
    await page.getByLabel('NIP atau email').fill(ADMIN_USER);
    await page.getByLabel('Kata sandi').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Administrasi' })).toHaveAttribute('aria-expanded', 'false');
    await snap(page, testInfo, 'beranda');

    // The refresh token kept in storage restores the session after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Beranda' })).toBeVisible();

    await page.getByRole('button', { name: /Menu pengguna/ }).click();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk ke Kinerja360' })).toBeVisible();

    // The session is gone: protected pages send us back to the login page.
    await page.goto('/admin/employees');
    await expect(page).toHaveURL(/\/login$/);
    await snap(page, testInfo, 'after-logout');
  });
});
