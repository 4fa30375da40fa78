import { expect, test } from '@playwright/test';
import { loginAs, snap } from './helpers';

// HR registers a desk's own tablet as a kiosk (ADR 0027); the tablet opens the setup link once,
// lands on the citizen form in kiosk mode, and after each citizen returns to an empty form.

const HR_USER = process.env.E2E_HR_USER ?? 'hr@kinerja360.local';
const HR_PASSWORD = process.env.E2E_HR_PASSWORD ?? 'Pegawai#2026';
const UNIT = 'CKN-KEL-CB';

test('a desk tablet set up as a kiosk takes citizens one after another', async ({ page, browser }, testInfo) => {
  await loginAs(page, HR_USER, HR_PASSWORD);
  await page.goto(`/feedback/targets?unit=${UNIT}&kind=unit`);
  const desk = page.getByRole('row').filter({ hasText: 'Loket layanan unit' }).first();
  await desk.getByRole('link', { name: /^Kios/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Perangkat kios' })).toBeVisible();

  const name = `Tablet uji ${Date.now().toString(36)}`;
  await page.getByLabel(/Nama perangkat/).fill(name);
  await page.getByRole('button', { name: 'Daftarkan' }).click();
  const setup = page.getByLabel('Tautan penyiapan', { exact: true });
  await expect(setup).toContainText('/kiosk#kio_');
  const setupUrl = (await setup.textContent())!.trim();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  await snap(page, testInfo, 'kiosk-registered');

  const tablet = await browser.newContext({ viewport: { width: 800, height: 1280 }, locale: 'id-ID' });
  try {
    const kiosk = await tablet.newPage();
    // The setup link names this server as configured; open the same path on the test server.
    await kiosk.goto(new URL(setupUrl).pathname + new URL(setupUrl).hash);
    await expect(kiosk).toHaveURL(/\/f\/[^/?#]+$/);
    await expect(kiosk.getByRole('note')).toContainText(name);
    const cookies = await tablet.cookies();
    const cookie = cookies.find((c) => c.name === 'kinerja_kiosk');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');

    for (const score of ['4', '3']) {
      for (let i = 1; i <= 9; i++) await kiosk.locator(`input[name="u${i}"][value="${score}"]`).check();
      await kiosk.getByRole('button', { name: 'Kirim penilaian' }).click();
      await expect(kiosk.getByRole('heading', { name: /Terima kasih/ })).toBeVisible();
      await kiosk.getByRole('link', { name: 'Penilaian berikutnya' }).click();
      await expect(kiosk.locator('input[name="u1"]:checked')).toHaveCount(0);
    }
    await snap(kiosk, testInfo, 'kiosk-form');
  } finally {
    await tablet.close();
  }

  await page.reload();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).not.toContainText('Belum pernah');
  await row.getByRole('button', { name: /^Cabut/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, cabut' }).click();
  await expect(row).toContainText('Dicabut');
});
