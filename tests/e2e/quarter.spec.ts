import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginAs, snap, navTo } from './helpers';

// A whole evaluation quarter in the browser, from SKP to published predikat, across HR, the
// employee, a peer and the supervisor, on the demo data (seed --demo).
//
// It uses NEXT year (Y), so the demo's own periods and SKPs of this year do not interfere:
// Triwulan I of Y does not exist in a fresh demo database. The period is created by this spec,
// so it needs a fresh database (the Playwright config starts the server on one per run).
//
// Demo accounts (password Pegawai#2026), all in Kelurahan Cakranegara Barat (CKN-KEL-CB):
// staf (Pengadministrasi Layanan Kependudukan) is evaluated; rekan (Pengolah Data Pelayanan)
// is a peer under the same supervisor, seklur (Sekretaris Kelurahan).
//
// Every step runs through the UI but one: the exemptions of the rest of the city's employees,
// who are not rated in this spec's period (ADR 0018), are recorded through the API.
const PASSWORD = 'Pegawai#2026';
const HR = 'hr@kinerja360.local';
const STAF = 'staf@kinerja360.local';
const REKAN = 'rekan.cb@kinerja360.local';
const SEKLUR = 'seklur.cb@kinerja360.local';
const UNIT = 'CKN-KEL-CB';
const STAF_JABATAN = 'Pengadministrasi Layanan Kependudukan';
const REKAN_JABATAN = 'Pengolah Data Pelayanan';

const Y = new Date().getFullYear() + 1;
const PERIOD = `Triwulan I ${Y}`;

// The ratings the supervisor gives and the predikat the matrix (PermenPANRB 6/2022) gives them:
// hasil kerja Sesuai Ekspektasi × perilaku kerja Di Atas Ekspektasi → Baik.
const HASIL = 'Sesuai Ekspektasi';
const PERILAKU = 'Di Atas Ekspektasi';
const MATRIX: Record<string, Record<string, string>> = {
  'Di Atas Ekspektasi': {
    'Di Atas Ekspektasi': 'Sangat Baik',
    'Sesuai Ekspektasi': 'Baik',
    'Di Bawah Ekspektasi': 'Butuh Perbaikan',
  },
  'Sesuai Ekspektasi': {
    'Di Atas Ekspektasi': 'Baik',
    'Sesuai Ekspektasi': 'Baik',
    'Di Bawah Ekspektasi': 'Butuh Perbaikan',
  },
  'Di Bawah Ekspektasi': {
    'Di Atas Ekspektasi': 'Butuh Perbaikan',
    'Sesuai Ekspektasi': 'Kurang',
    'Di Bawah Ekspektasi': 'Sangat Kurang',
  },
};
const PREDIKAT = MATRIX[HASIL][PERILAKU];

/** A signed-in page in its own browser context (its own session and SSE stream). */
async function signedIn(browser: Browser, baseURL: string | undefined, user: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'id-ID', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await loginAs(page, user, PASSWORD);
  return page;
}

/** Fills every BerAKHLAK value of the open 360 form with the same score and submits it. */
async function fillAndSend360(page: Page, score: string) {
  const values = page.locator('fieldset.value-fieldset');
  await expect(values).toHaveCount(7);
  await expect(page.getByRole('group', { name: /^1\. / })).toBeVisible();
  for (let i = 0; i < 7; i++) await values.nth(i).getByRole('radio', { name: score }).check();
  await page.getByRole('button', { name: 'Kirim', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, kirim penilaian' }).click();
  await expect(page.getByText('Penilaian terkirim. Terima kasih.')).toBeVisible();
}

/** Opens the 360 inbox and the form for `who` in the test's period. */
async function open360(page: Page, who: string) {
  await page.goto('/kinerja/360');
  await expect(page.getByRole('heading', { level: 1, name: 'Formulir 360' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: PERIOD });
  await row.getByRole('link', { name: `Isi formulir untuk ${who}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Penilaian 360: ${who}` })).toBeVisible();
}

/** On the HR period overview: runs the next step (open, close, publish) through its dialog. */
async function periodStep(page: Page, label: string, state: string) {
  await page.getByRole('button', { name: label }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: label }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Status periode ${PERIOD} sekarang: ${state}.`)).toBeVisible();
}

test('a whole quarter: SKP, realisasi, 360, rating, distribution and a live predikat', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000);
  const contexts: Page[] = [];
  const as = async (user: string) => {
    const p = await signedIn(browser, baseURL, user);
    contexts.push(p);
    return p;
  };

  try {
    // 1. HR creates Triwulan I of Y with the 360 round, opens it and assigns the raters.
    await loginAs(page, HR, PASSWORD);
    await navTo(page, 'Kinerja', 'Periode');
    await expect(page.getByRole('heading', { level: 1, name: 'Periode penilaian' })).toBeVisible();
    await page.getByRole('button', { name: 'Buat periode' }).click();
    const create = page.getByRole('form', { name: 'Periode baru' });
    await create.getByLabel(/^Tahun/).fill(String(Y));
    await expect(create.getByLabel(/^Triwulan ke-/)).toHaveValue('1');
    await expect(create.getByLabel('Jalankan umpan balik 360 pada periode ini')).toBeChecked();
    await create.getByRole('button', { name: 'Buat periode' }).click();
    await expect(page.getByText(`Periode ${PERIOD} dibuat sebagai draf.`)).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: PERIOD });
    await expect(row).toContainText('Draf');
    await snap(page, testInfo, '01-hr-period-created');
    await row.getByRole('link', { name: /^Lihat/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: PERIOD })).toBeVisible();
    const periodId = new URL(page.url()).pathname.split('/').pop()!;
    expect(periodId).toMatch(/^[0-9a-f-]{36}$/);
    await periodStep(page, 'Buka periode', 'Dibuka');
    await snap(page, testInfo, '02-hr-period-open');

    await page.getByRole('link', { name: 'Penugasan Penilai 360' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Penugasan Penilai 360' })).toBeVisible();
    await page.getByLabel('Unit (termasuk sub-unitnya)').selectOption(UNIT);
    await page.getByRole('button', { name: 'Buat penugasan' }).click();
    await expect(page.getByText(/penugasan baru \(diri sendiri \d+, atasan \d+, bawahan \d+\)/)).toBeVisible();

    // Generating makes self, supervisor and subordinate raters; a peer is set by HR on the
    // per-employee list ("Tetapkan rekan kerja"), by NIP.
    await page.getByLabel('Unit kerja', { exact: true }).selectOption(UNIT);
    const employee = page.getByLabel('Pegawai', { exact: true });
    await expect(employee.locator('option', { hasText: STAF_JABATAN })).toHaveCount(1);
    const options = await employee
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const staf = options.find((o) => o.text.includes(STAF_JABATAN))!;
    const rekan = options.find((o) => o.text.includes(REKAN_JABATAN))!;
    const stafName = staf.text.split(' — ')[0].trim();
    const rekanName = rekan.text.split(' — ')[0].trim();
    expect(staf.value).toMatch(/^\d{18}$/);
    expect(rekan.value).toMatch(/^\d{18}$/);
    await employee.selectOption(staf.value);
    const raters = page.getByRole('table', { name: `Penilai ${stafName}` });
    await expect(raters.getByRole('row').filter({ hasText: 'Diri sendiri' })).toBeVisible();
    await page.getByLabel(/^NIP rekan kerja/).fill(rekan.value);
    await page.getByRole('button', { name: 'Tetapkan rekan kerja' }).click();
    await expect(page.getByText(`Rekan kerja ditetapkan untuk ${stafName}.`)).toBeVisible();
    await expect(raters.getByRole('row').filter({ hasText: rekanName })).toContainText('Rekan kerja');
    await snap(page, testInfo, '03-hr-raters');

    // 2. The employee copies this year's SKP (Y - 1) into Y and submits it.
    const emp = await as(STAF);
    await navTo(emp, 'Kinerja', 'Kinerja Saya');
    await expect(emp.getByRole('heading', { level: 1, name: 'SKP Saya' })).toBeVisible();
    await emp.getByLabel('Tahun', { exact: true }).selectOption(String(Y));
    await expect(emp.getByText(`Belum ada SKP untuk tahun ${Y}.`, { exact: false })).toBeVisible();
    await emp.getByRole('button', { name: `Salin dari SKP ${Y - 1}` }).click();
    await expect(emp.getByText(`SKP disalin dari tahun ${Y - 1} sebagai draf.`)).toBeVisible();
    await snap(emp, testInfo, '04-employee-skp-copied');
    await emp.getByRole('button', { name: 'Ajukan SKP' }).click();
    await emp.getByRole('dialog').getByRole('button', { name: 'Ya, ajukan SKP' }).click();
    await expect(emp.getByText('SKP diajukan ke atasan.')).toBeVisible();
    await expect(emp.getByText('SKP sedang menunggu persetujuan atasan.')).toBeVisible();
    await snap(emp, testInfo, '05-employee-skp-submitted');

    // 3. The supervisor approves it.
    const sup = await as(SEKLUR);
    await sup.goto(`/tim/skp?year=${Y}`);
    await expect(sup.getByRole('heading', { level: 1, name: 'Persetujuan SKP' })).toBeVisible();
    await sup.getByRole('link', { name: `Tinjau SKP ${stafName}` }).click();
    await expect(sup.getByText(`SKP ${stafName} tahun ${Y}`)).toBeVisible();
    await sup.getByRole('button', { name: 'Setujui', exact: true }).click();
    await sup.getByRole('dialog').getByRole('button', { name: 'Setujui', exact: true }).click();
    await expect(sup.getByText('SKP disetujui.', { exact: true })).toBeVisible();
    await snap(sup, testInfo, '06-supervisor-skp-approved');

    // 4. The employee records a realisasi with a link as evidence, then the self 360 form.
    await emp.goto(`/kinerja/realisasi?period=${periodId}`);
    await expect(emp.getByRole('heading', { level: 1, name: 'Realisasi' })).toBeVisible();
    await expect(emp.getByLabel('Periode')).toHaveValue(periodId);
    const value = emp.getByLabel(/^Realisasi: /).first();
    await value.fill('3');
    const block = emp.locator('.indicator-block').first();
    await block.getByLabel('Catatan').fill('Capaian triwulan I (uji otomatis).');
    await block.getByRole('button', { name: 'Simpan realisasi' }).click();
    await expect(block.getByRole('status').filter({ hasText: 'Realisasi tersimpan.' })).toBeVisible();
    await block.getByLabel(/^Tautan bukti untuk /).fill('https://example.org/bukti/triwulan-1');
    await block.getByRole('button', { name: 'Tambah tautan' }).click();
    await expect(emp.getByText('Tautan ditambahkan.')).toBeVisible();
    await snap(emp, testInfo, '07-employee-realisasi');

    await open360(emp, 'Diri sendiri');
    await fillAndSend360(emp, '4 Baik');
    await snap(emp, testInfo, '08-employee-self-360');

    // 5. The peer rates the employee.
    const peer = await as(REKAN);
    await open360(peer, stafName);
    await expect(peer.getByText(/Penilaian Anda anonim/)).toBeVisible();
    await fillAndSend360(peer, '5 Sangat baik');
    await snap(peer, testInfo, '09-peer-360');

    // 6. The supervisor sees the 360 breakdown and gives the two ratings, as final.
    await sup.goto(`/tim?period=${periodId}`);
    await expect(sup.getByRole('heading', { level: 1, name: 'Tim Saya' })).toBeVisible();
    await sup.getByRole('link', { name: `Nilai ${stafName}` }).click();
    await expect(sup.getByRole('heading', { level: 1, name: `Penilaian ${stafName}` })).toBeVisible();
    await expect(sup).toHaveURL(new RegExp(`period=${periodId}`));
    const s360 = sup.getByRole('region', { name: 'Umpan balik 360' });
    // The period is still open and before its 360 deadline: the results are not released
    // yet (ADR 0013), so the supervisor sees the release rule instead of any number.
    await expect(s360.getByRole('status')).toContainText('Hasil 360 dirilis');
    await expect(s360.getByRole('table', { name: 'Rata-rata per kelompok penilai' })).toHaveCount(0);
    const rate = sup.getByRole('form', { name: 'Penilaian atasan' });
    await rate.getByRole('group', { name: /^Rating hasil kerja/ }).getByRole('radio', { name: HASIL }).check();
    await rate.getByRole('group', { name: /^Rating perilaku kerja/ }).getByRole('radio', { name: PERILAKU }).check();
    await expect(rate.locator('.preview')).toContainText(`Predikat kinerja: ${PREDIKAT}`);
    // A justification is needed only when the perilaku rating differs from the 360 suggestion.
    const justification = rate.getByLabel(/^Alasan berbeda dari saran 360/);
    if (await justification.isVisible()) {
      await justification.fill('Pelayanan kependudukan konsisten cepat dan ramah sepanjang triwulan.');
    }
    await rate.getByLabel('Tandai final (tidak dapat diubah lagi)').check();
    await snap(sup, testInfo, '10-supervisor-rating');
    await rate.getByRole('button', { name: 'Simpan penilaian' }).click();
    await expect(rate.getByRole('status')).toHaveText('Penilaian tersimpan sebagai final.');
    await expect(rate.getByText('Penilaian ini sudah final.')).toBeVisible();
    await snap(sup, testInfo, '11-supervisor-rating-final');

    // 8 (set up). The employee keeps "Hasil Saya" open on the new period before publication.
    await emp.goto(`/kinerja/hasil?period=${periodId}`);
    await expect(emp.getByRole('heading', { level: 1, name: 'Hasil Saya' })).toBeVisible();
    await expect(emp.getByRole('heading', { name: `Hasil ${PERIOD}` })).toHaveCount(0);
    // A marker that a reload or a navigation would wipe.
    await emp.evaluate(() => {
      (window as unknown as { __noReload?: boolean }).__noReload = true;
    });
    await snap(emp, testInfo, '12-employee-results-before');

    // 7 (set up). Complete publication (ADR 0018): nobody else is rated in this spec's period,
    // so the unit cannot be finalised nor the period published while they have no exemption.
    // HR exempts one colleague of the unit through the Progress page's dialog, then everyone
    // else in the city through the API (the one shortcut: this spec rates one employee).
    await page.goto(`/hr/periods/${periodId}/progress?unit=${UNIT}`);
    const blockers = page.getByRole('table', { name: 'Pegawai yang menghalangi finalisasi dan publikasi' });
    await expect(blockers).toBeVisible();
    await blockers.getByRole('button', { name: /^Kecualikan / }).first().click();
    const exempt = page.getByRole('dialog');
    await exempt.getByLabel(/^Alasan/).selectOption('cuti');
    await exempt.getByLabel(/^Keterangan/).fill('Cuti tahunan sepanjang triwulan (uji e2e).');
    await exempt.getByRole('button', { name: 'Simpan pengecualian' }).click();
    await expect(exempt).toBeHidden();
    await expect(page.getByText(/dikecualikan dari penilaian periode ini\.$/)).toBeVisible();
    const login = await page.request.post('/api/v1/auth/login', { data: { username: HR, password: PASSWORD } });
    const { access_token } = (await login.json()) as { access_token: string };
    const headers = { Authorization: `Bearer ${access_token}` };
    const overview = (await (await page.request.get(`/api/v1/periods/${periodId}/units`, { headers })).json()) as {
      items: { blockers: { nip: string }[] }[];
    };
    for (const b of overview.items.flatMap((u) => u.blockers)) {
      const r = await page.request.post(`/api/v1/periods/${periodId}/exemptions`, {
        headers,
        data: { nip: b.nip, reason: 'lainnya', note: 'Tidak dinilai dalam skenario uji e2e.' },
      });
      expect(r.status()).toBe(201);
    }

    // 7. HR sets the unit's organisational result and finalises it (one evaluated employee:
    // only a small-unit warning), then closes the period and publishes.
    await page.goto(`/hr/periods/${periodId}/units/${UNIT}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Kurva distribusi: / })).toBeVisible();
    await expect(page.getByText('Pegawai yang dinilai: 1')).toBeVisible();
    await page.getByLabel(/^Pilih hasil organisasi/).selectOption('baik');
    await page.getByRole('button', { name: 'Tetapkan' }).click();
    await expect(page.getByText('Hasil kerja organisasi ditetapkan.')).toBeVisible();
    await expect(page.getByText(/hanya memiliki 1 pegawai yang dinilai .* hanya menjadi peringatan/)).toBeVisible();
    await snap(page, testInfo, '13-hr-distribution');
    await page.getByRole('button', { name: 'Finalkan unit' }).click();
    const finalise = page.getByRole('dialog');
    await finalise.getByRole('button', { name: 'Finalkan unit' }).click();
    await expect(finalise).toBeHidden();
    await expect(page.getByText(/^Unit .* difinalkan\.$/)).toBeVisible();
    await snap(page, testInfo, '14-hr-unit-finalised');

    await page.goto(`/hr/periods/${periodId}`);
    await expect(page.getByRole('heading', { level: 1, name: PERIOD })).toBeVisible();
    await periodStep(page, 'Tutup periode', 'Ditutup');
    await periodStep(page, 'Publikasikan hasil', 'Dipublikasikan');
    await snap(page, testInfo, '15-hr-published');

    // 8. Without a reload, the employee's page shows the predikat (pushed over SSE).
    const card = emp.getByRole('region', { name: `Hasil ${PERIOD}` });
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card.locator('.predikat-big')).toHaveText(`Predikat kinerja: ${PREDIKAT}`);
    await expect(card).toContainText(HASIL);
    await expect(card).toContainText(PERILAKU);
    expect(await emp.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await snap(emp, testInfo, '16-employee-predikat-live');
  } finally {
    for (const p of contexts) await p.context().close();
  }
});
