import { expect, test, type Page } from '@playwright/test';
import { loginAs, snap, navTo } from './helpers';

// A valid NIP: born 1990-01-01, appointed 2015-03, male, sequence 001.
const NEW_NIP = '199001012015031001';
// The same person with month 13 in the appointment date (digits 9–14): invalid.
const BAD_NIP = '199001012015131001';
const NAME = 'Rina Uji Coba';

const HEADER = 'nip,name,gelar_depan,gelar_belakang,status,golongan,jabatan,jenis_jabatan,unit_code,supervisor_nip,email,active';
const row = (nip: string) => `${nip},${NAME},,S.E.,PNS,III/a,Analis Kepegawaian,fungsional,CKN,,,true`;

async function upload(page: Page, name: string, content: string) {
  await page.getByLabel('Berkas CSV').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await expect(page.getByText(`Berkas ${name} dimuat`)).toBeVisible();
}

test('admin imports employees: the dry run names the bad row, a clean import creates the employee', async ({ page }, testInfo) => {
  await loginAs(page);

  await navTo(page, 'Administrasi', 'Impor');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor Pegawai' })).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Impor', exact: true });
  await expect(importButton).toBeDisabled();

  // 1. A CSV whose only data row has an invalid NIP.
  await upload(page, 'pegawai-salah.csv', `${HEADER}\n${row(BAD_NIP)}\n`);
  await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();

  const report = page.getByRole('region', { name: 'Hasil pemeriksaan' });
  await expect(report.getByRole('alert')).toContainText('kesalahan ditemukan');
  const errorRows = report.getByRole('table').getByRole('row');
  // Header row + at least one error row; the first error names data row 1 and the nip column.
  const firstError = errorRows.nth(1);
  await expect(firstError.getByRole('cell').nth(0)).toHaveText('1');
  await expect(report.getByRole('table')).toContainText('nip');
  await expect(importButton).toBeDisabled();
  await snap(page, testInfo, 'import-dry-run-errors');

  // 2. The corrected CSV passes the dry run.
  await upload(page, 'pegawai.csv', `${HEADER}\n${row(NEW_NIP)}\n`);
  await expect(importButton).toBeDisabled();
  await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
  await expect(report.getByRole('status')).toContainText('Semua baris valid');
  await expect(importButton).toBeEnabled();
  await snap(page, testInfo, 'import-dry-run-clean');

  // 3. The real import.
  await importButton.click();
  const result = page.getByRole('region', { name: 'Hasil impor' });
  await expect(result.getByRole('status')).toContainText('Impor selesai');
  await snap(page, testInfo, 'import-done');

  // 4. The new employee is found by NIP on the Pegawai page.
  await navTo(page, 'Administrasi', 'Pegawai');
  await expect(page.getByRole('heading', { level: 1, name: 'Pegawai' })).toBeVisible();
  await page.getByLabel('Cari nama atau NIP').fill(NEW_NIP);
  const hit = page.getByRole('row').filter({ hasText: NEW_NIP });
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(NAME);
  await snap(page, testInfo, 'employee-found');

  // 5. Its detail page opens from the list.
  await hit.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/admin/employees/${NEW_NIP}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NAME);
});
