import { expect, test, type Page } from '@playwright/test';
import { loginAs, snap, navTo } from './helpers';

// Development plans end to end on the demo data: a supervisor turns a low performer's
// recommendation into a plan, the employee completes the item, HR sees it in the unit report.
//
// Demo data (seed --demo): Lina Marlina, Lurah Cakranegara Timur (unit CKN-KEL-CT), is rated
// Butuh Perbaikan in the latest published quarter, so she has a development recommendation;
// her direct supervisor is the Camat. Every demo employee signs in with NIP + Pegawai#2026.
const PASSWORD = 'Pegawai#2026';
const CAMAT = 'camat@kinerja360.local';
const HR = 'hr@kinerja360.local';
const EMPLOYEE_NIP = '198105012005032029';
const EMPLOYEE_NAME = 'Lina Marlina';
const UNIT = 'CKN-KEL-CT';

// Unique per run, so the spec also works against a database used before.
const RUN = Date.now().toString(36).toUpperCase();
const PLAN_TITLE = `Rencana pengembangan uji ${RUN}`;
const ITEM_TITLE = `Pendampingan kinerja uji ${RUN}`;

async function signOut(page: Page) {
  // On a phone the user menu sits behind the Menu button.
  const toggle = page.getByRole('button', { name: 'Menu', exact: true });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('button', { name: /^Menu pengguna/ }).click();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kinerja360' })).toBeVisible();
}

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a supervisor plans from a recommendation, the employee completes it, HR sees it in the unit report', async ({
  page,
}, testInfo) => {
  // 1. The Camat (supervisor) sees why Lina Marlina is recommended development and makes a plan.
  await loginAs(page, CAMAT, PASSWORD);
  await navTo(page, 'Karier', 'Pengembangan Tim');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengembangan Tim' })).toBeVisible();
  const member = page.getByTestId('team-member').filter({ hasText: EMPLOYEE_NAME });
  const rec = member.getByTestId('recommendation').first();
  await expect(rec).toBeVisible();
  await expect(rec.getByTestId('rec-cause')).toContainText(/predikat kinerja (Butuh Perbaikan|Kurang|Sangat Kurang)/);
  await member.getByRole('button', { name: /Buat rencana/ }).click();

  const form = member.getByRole('form', { name: new RegExp(`Rencana pengembangan untuk ${EMPLOYEE_NAME}`) });
  await form.getByLabel('Judul rencana').fill(PLAN_TITLE);
  const rows = form.getByTestId('builder-row');
  await expect(rows.first()).toBeVisible();
  // Keep only the first suggestion, renamed so the run can find it again.
  const count = await rows.count();
  for (let i = 1; i < count; i++) await rows.nth(i).getByRole('checkbox').uncheck();
  await rows.first().getByLabel('Butir', { exact: true }).fill(ITEM_TITLE);
  await snap(page, testInfo, 'supervisor-plan-form');
  await form.getByRole('button', { name: 'Simpan rencana' }).click();

  await expect(page.getByRole('status').filter({ hasText: `Rencana pengembangan untuk ${EMPLOYEE_NAME}` })).toContainText(
    'dibuat (1 butir)',
  );
  const created = member.getByRole('article', { name: PLAN_TITLE });
  await expect(created.getByTestId('plan-item').filter({ hasText: ITEM_TITLE })).toContainText('Direncanakan');
  await snap(page, testInfo, 'supervisor-plan-created');
  await signOut(page);

  // 2. The employee, on a phone, sees the plan with its reason and marks the item done.
  await page.setViewportSize({ width: 375, height: 740 });
  await loginAs(page, EMPLOYEE_NIP, PASSWORD);
  await page.goto('/career');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengembangan Saya' })).toBeVisible();
  await expect(page.getByTestId('recommendation').first()).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuemax', '20');
  const plan = page.getByRole('article', { name: PLAN_TITLE });
  const item = plan.getByTestId('plan-item').filter({ hasText: ITEM_TITLE });
  await expect(item).toContainText(/Alasan: .*predikat kinerja/);
  await expectNoHorizontalScroll(page);
  await snap(page, testInfo, 'employee-plan-mobile');

  await item.getByRole('button', { name: /Tandai selesai/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `“${ITEM_TITLE}” ditandai selesai.` })).toBeVisible();
  await expect(item.getByTestId('item-status')).toHaveText('Selesai');
  await expect(item.getByRole('button', { name: /Tandai selesai/ })).toHaveCount(0);
  await snap(page, testInfo, 'employee-item-done');
  await signOut(page);

  // 3. HR sees the completed item in the unit's development report.
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, HR, PASSWORD);
  await navTo(page, 'Karier', 'Talenta');
  await expect(page.getByRole('heading', { level: 1, name: 'Talenta' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Talenta dan pengembangan' }).getByRole('link', { name: 'Laporan Pengembangan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan Pengembangan' })).toBeVisible();
  await page.getByLabel('Unit kerja').selectOption(UNIT);
  const reportRow = page.getByTestId('report-item').filter({ hasText: ITEM_TITLE });
  await expect(reportRow).toContainText(EMPLOYEE_NAME);
  await expect(reportRow).toContainText(UNIT);
  await expect(reportRow).toContainText('Selesai');
  await expect(reportRow).not.toContainText('Terlambat');
  // Done items are never overdue: the overdue-only view leaves it out.
  await page.getByLabel('Hanya yang terlambat').check();
  await expect(page.getByRole('table', { name: /Butir rencana terlambat/ })).toBeVisible();
  await expect(page.getByTestId('report-item').filter({ hasText: ITEM_TITLE })).toHaveCount(0);
  await snap(page, testInfo, 'hr-unit-report');
});

test('HR reads the 9-box grid, downloads the promotion candidates and keeps the training catalogue', async ({
  page,
}, testInfo) => {
  await loginAs(page, HR, PASSWORD);

  // The grid: rows potensi high → low, columns kinerja below → above, boxes as in the rules.
  await page.goto('/career/talent');
  const grid = page.getByRole('table', { name: /Matriks talenta/ });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('rowheader')).toHaveText(['Potensi Tinggi', 'Potensi Menengah', 'Potensi Rendah']);
  await expect(grid.locator('.box-number')).toHaveText(['6', '8', '9', '3', '5', '7', '1', '2', '4']);
  await snap(page, testInfo, 'hr-talent-grid');

  // Promotion candidates: the CSV comes through the API client (bearer token) as a download.
  await page.getByRole('navigation', { name: 'Talenta dan pengembangan' }).getByRole('link', { name: 'Kandidat Promosi' }).click();
  await expect(page.getByRole('table', { name: /Kandidat promosi/ })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('kandidat-promosi.csv');
  const csv = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(csv.split('\n')[0]).toMatch(/nip/i);

  // Training catalogue: add an entry, find it, delete it.
  const title = `Pelatihan uji ${RUN}`;
  await page.getByRole('navigation', { name: 'Talenta dan pengembangan' }).getByRole('link', { name: 'Katalog Pelatihan' }).click();
  await page.getByRole('button', { name: 'Tambah pelatihan' }).click();
  const form = page.getByRole('form', { name: 'Tambah pelatihan' });
  await form.getByLabel(/^Nama pelatihan/).fill(title);
  await form.getByLabel(/^Penyelenggara/).fill('BPSDM Provinsi NTB');
  await form.getByLabel(/^Nilai BerAKHLAK/).selectOption('akuntabel');
  await form.getByLabel(/^Jam pelajaran/).fill('16');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Pelatihan “${title}” ditambahkan.` })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Cari' }).fill(RUN);
  const row = page.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Akuntabel');
  await expect(row).toContainText('16');
  await snap(page, testInfo, 'hr-training-catalogue');
  await row.getByRole('button', { name: /Hapus/ }).click();
  await page.getByRole('dialog', { name: 'Hapus pelatihan?' }).getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Pelatihan “${title}” dihapus.` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
});
