import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { PeriodsPage } from './PeriodsPage';
import { meWithRoles, period } from './fixtures';
import { periodSpan } from '../api/periods';

describe('PeriodsPage', () => {
  afterEach(() => clearTokens());

  it('creates a quarter with its dates and deadlines', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const created = { ...period, state: 'draft', number: 3, name: 'Triwulan III 2026' };
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['hr'])),
      'GET /api/v1/periods': () => json({ items: [period], meta: { page: 1, per_page: 100, total: 1 } }),
      'POST /api/v1/periods': () => json(created, 201),
    });
    renderWithProviders(<PeriodsPage />, { route: '/hr/periods?year=2026' });
    const user = userEvent.setup();

    const row = (await screen.findByText('Triwulan II 2026')).closest('tr')!;
    expect(within(row).getByText('Ditutup')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: /Lihat\s*—\s*Triwulan II 2026/ })).toHaveAttribute(
      'href',
      `/hr/periods/${period.id}`,
    );

    await user.click(await screen.findByRole('button', { name: 'Buat periode' }));
    const form = screen.getByRole('form', { name: 'Periode baru' });
    await user.selectOptions(within(form).getByLabelText(/Triwulan ke-/), '3');
    await user.type(within(form).getByLabelText('Batas pengisian 360'), '2026-09-20');
    await user.click(within(form).getByRole('button', { name: 'Buat periode' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.body)).toEqual({
      year: 2026,
      kind: 'quarterly',
      starts_on: '2026-07-01',
      ends_on: '2026-09-30',
      run_360: true,
      deadline_360: '2026-09-20',
      evaluation_deadline: null,
    });
    expect(await screen.findByText('Periode Triwulan III 2026 dibuat sebagai draf.')).toBeInTheDocument();
  });

  it('lists the problems in an error summary and does not send an invalid deadline', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['admin'])),
      'GET /api/v1/periods': () => json({ items: [], meta: { page: 1, per_page: 100, total: 0 } }),
    });
    renderWithProviders(<PeriodsPage />, { route: '/hr/periods?year=2026' });
    const user = userEvent.setup();
    expect(await screen.findByText('Belum ada periode untuk tahun 2026.')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Buat periode' }));
    const form = screen.getByRole('form', { name: 'Periode baru' });
    // Quarter I ends on 31 March: a deadline in December is more than 60 days later.
    await user.type(within(form).getByLabelText('Batas penilaian atasan'), '2026-12-01');
    await user.click(within(form).getByRole('button', { name: 'Buat periode' }));

    const summary = await within(form).findByText('Ada 1 isian yang perlu diperbaiki:');
    expect(summary.closest('.alert')).toHaveFocus();
    expect(within(form).getByRole('link', { name: /Batas penilaian atasan: Tanggal harus antara/ })).toBeInTheDocument();
    expect(within(form).getByLabelText('Batas penilaian atasan')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('is read-only for the auditor', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    mockFetch({
      'GET /api/v1/me': () => json(meWithRoles(['auditor'])),
      'GET /api/v1/periods': () => json({ items: [period], meta: { page: 1, per_page: 100, total: 1 } }),
    });
    renderWithProviders(<PeriodsPage />, { route: '/hr/periods?year=2026' });
    expect(await screen.findByText('Triwulan II 2026')).toBeInTheDocument();
    expect(screen.getByText('Anda memiliki akses baca saja.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Buat periode' })).toBeNull();
  });

  it('computes quarter and month spans, leap years included', () => {
    expect(periodSpan(2026, 'quarterly', 1)).toEqual({ starts_on: '2026-01-01', ends_on: '2026-03-31' });
    expect(periodSpan(2026, 'quarterly', 4)).toEqual({ starts_on: '2026-10-01', ends_on: '2026-12-31' });
    expect(periodSpan(2028, 'monthly', 2)).toEqual({ starts_on: '2028-02-01', ends_on: '2028-02-29' });
    expect(periodSpan(2027, 'monthly', 2)).toEqual({ starts_on: '2027-02-01', ends_on: '2027-02-28' });
  });
});
