import { expect, test } from '@playwright/test';
import { loginAs, snap, navTo } from './helpers';

// Required fields carry an aria-hidden " *" in their label text, hence the label patterns.

// Born 1992-02-02, CPNS 2016-03, female, sequence 002.
const NIP = '199202022016032002';
const UNIT = `E2E-${Date.now().toString(36).toUpperCase()}`;

test('admin creates a unit and an employee through the forms, then edits the employee', async ({ page }, testInfo) => {
  await loginAs(page);

  // Unit: create under CKN.
  await navTo(page, 'Administrasi', 'Unit Kerja');
  await expect(page.getByRole('heading', { level: 1, name: 'Unit Kerja' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'CKN', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Tambah unit' }).click();
  const unitForm = page.getByRole('form', { name: 'Tambah unit kerja' });
  await unitForm.getByLabel(/^Kode( \*)?$/).fill(UNIT);
  await unitForm.getByLabel(/^Nama( \*)?$/).fill('Unit Uji E2E');
  await unitForm.getByLabel(/^Jenis( \*)?$/).selectOption('lainnya');
  await unitForm.getByLabel('Kode unit induk').fill('CKN');
  await unitForm.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: UNIT })).toContainText('Data baru dibuat.');
  await page.getByLabel('Cari kode atau nama unit').fill(UNIT);
  const unitRow = page.getByRole('row').filter({ hasText: UNIT });
  await expect(unitRow).toContainText('Kecamatan Cakranegara');
  await snap(page, testInfo, 'unit-created');

  // Employee: the client rejects a bad NIP before sending, then the form creates it.
  await navTo(page, 'Administrasi', 'Pegawai');
  await page.getByRole('link', { name: 'Tambah pegawai' }).click();
  const form = page.getByRole('form', { name: 'Tambah pegawai' });
  await form.getByLabel(/^NIP( \*)?$/).fill('199202022016132002');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(form).toContainText('NIP digit 9–14: bulan 13 bukan bulan yang sah');
  await snap(page, testInfo, 'employee-form-errors');

  await form.getByLabel(/^NIP( \*)?$/).fill(NIP);
  await form.getByLabel(/^Nama( \*)?$/).fill('Sari Uji Formulir');
  await form.getByLabel('Gelar belakang').fill('S.Kom.');
  await form.getByLabel(/^Golongan( \*)?$/).selectOption('III/a');
  await form.getByLabel(/^Jabatan( \*)?$/).fill('Pranata Komputer Ahli Pertama');
  await form.getByLabel(/^Jenis jabatan( \*)?$/).selectOption('fungsional');
  await form.getByLabel(/^Unit kerja( \*)?$/).selectOption(UNIT);
  await form.getByRole('button', { name: 'Simpan' }).click();

  await expect(page).toHaveURL(new RegExp(`/admin/employees/${NIP}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sari Uji Formulir, S.Kom.');
  await expect(page.getByText('Unit Uji E2E')).toBeVisible();

  // Edit: change the position.
  await page.getByRole('button', { name: 'Ubah' }).click();
  const edit = page.getByRole('form', { name: 'Ubah data pegawai' });
  await edit.getByLabel(/^Jabatan( \*)?$/).fill('Pranata Komputer Ahli Muda');
  await edit.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Data tersimpan.' })).toBeVisible();
  await expect(page.getByText('Pranata Komputer Ahli Muda')).toBeVisible();
  await snap(page, testInfo, 'employee-edited');
});
