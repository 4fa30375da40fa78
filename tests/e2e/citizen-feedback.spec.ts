import { expect, test, type Page } from '@playwright/test';
import { loginAs, snap, navTo } from './helpers';

// HR prints the QR code of a service desk, a citizen answers the public form on a phone,
// and the unit's IKM counts one more respondent.

const HR_USER = process.env.E2E_HR_USER ?? 'hr@kinerja360.local';
const HR_PASSWORD = process.env.E2E_HR_PASSWORD ?? 'Pegawai#2026';
const UNIT = 'CKN-KEL-CB';
const UNIT_NAME = 'Kelurahan Cakranegara Barat';

// The server dates reports in WITA (UTC+8); the IKM page's default range ends "today" in the
// browser's zone. Use the same zone so a submission made now falls inside the range.
test.use({ timezoneId: 'Asia/Makassar' });

/** Opens IKM for the unit and returns the respondent count from the API, checked against the page. */
async function ikmRespondents(page: Page): Promise<number> {
  await navTo(page, 'Layanan Publik', 'IKM');
  await expect(page.getByRole('heading', { level: 1, name: 'Indeks Kepuasan Masyarakat' })).toBeVisible();
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/api/v1/ikm/units/${UNIT}`,
  );
  await page.getByLabel('Unit kerja').selectOption(UNIT);
  const res = await answer;
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { respondents: number; sufficient: boolean };
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(UNIT_NAME) })).toBeVisible();
  const shown = page.getByTestId('ikm-respondents');
  await expect(shown).toHaveText(String(body.respondents));
  return Number((await shown.textContent())?.trim());
}

test('a citizen rates a service desk through its QR link and the IKM counts the new respondent', async ({
  page,
  browser,
}, testInfo) => {
  await loginAs(page, HR_USER, HR_PASSWORD);

  // 1. The respondent count before.
  const before = await ikmRespondents(page);
  expect(before).toBeGreaterThanOrEqual(1);
  await snap(page, testInfo, 'ikm-before');

  // 2. Targets of the unit: the first service desk, then its QR page.
  await navTo(page, 'Layanan Publik', 'Umpan balik');
  await expect(page.getByRole('heading', { level: 1, name: 'Sasaran & kode QR' })).toBeVisible();
  await page.getByLabel('Unit kerja').selectOption(UNIT);
  await page.getByLabel('Jenis sasaran').selectOption('unit');
  await expect(page).toHaveURL(new RegExp(`unit=${UNIT}`));
  const desk = page
    .getByRole('row')
    .filter({ hasText: `(${UNIT})` })
    .filter({ hasText: 'Loket layanan unit' })
    .first();
  await expect(desk).toBeVisible();
  await expect(desk).toContainText('Aktif');
  await snap(page, testInfo, 'targets-filtered');
  await desk.getByRole('link', { name: /^Cetak QR/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Cetak kode QR' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Lembar kode QR/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Unduh SVG' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Unduh PNG' })).toBeVisible();
  const publicUrl = await page.locator('a[data-public-url]').getAttribute('href');
  expect(publicUrl).toMatch(/^https?:\/\/[^/]+\/f\/[^/?#]+$/);
  await snap(page, testInfo, 'qr-page');

  // 3. A citizen's phone: a fresh context, no session, the server-rendered form (no JavaScript needed).
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    javaScriptEnabled: false,
  });
  try {
    const citizen = await phone.newPage();
    await citizen.goto(publicUrl!);
    await expect(citizen.locator('fieldset')).toHaveCount(9);
    for (let i = 1; i <= 9; i++) {
      const group = citizen.locator('fieldset').filter({ has: citizen.locator(`input[type="radio"][name="u${i}"]`) });
      await expect(group.locator('legend')).toBeVisible();
      await expect(group.locator(`input[type="radio"][name="u${i}"]`)).toHaveCount(4);
      await citizen.locator(`input[type="radio"][name="u${i}"][value="4"]`).check();
    }
    await citizen
      .locator('textarea[name="comment"]')
      .fill(`Pelayanan cepat dan petugasnya ramah. (uji otomatis ${Date.now().toString(36)})`);
    await snap(citizen, testInfo, 'public-form-filled');
    const overflow = await citizen.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await citizen.getByRole('button', { name: 'Kirim penilaian' }).click();
    await expect(citizen.getByRole('heading', { name: /Terima kasih/ })).toBeVisible();
    await snap(citizen, testInfo, 'public-form-thanks');
  } finally {
    await phone.close();
  }

  // 4. Back as HR: one more respondent for the unit.
  const after = await ikmRespondents(page);
  expect(after).toBe(before + 1);
  await snap(page, testInfo, 'ikm-after');

  // 5. The printable SKM report opens for the same unit and range.
  await page.getByRole('link', { name: 'Cetak laporan SKM' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan Survei Kepuasan Masyarakat' })).toBeVisible();
  await expect(page.getByTestId('ikm-respondents')).toHaveText(String(after));
  await expect(page.getByRole('button', { name: 'Cetak / Simpan PDF' })).toBeVisible();
  await snap(page, testInfo, 'skm-report');
});
