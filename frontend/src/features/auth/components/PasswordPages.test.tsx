import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, getAccessToken, hasSession, setTokens } from '../../../lib/auth/session';
import { SetPasswordPage } from './SetPasswordPage';
import { ChangePasswordPage } from './ChangePasswordPage';

const pair = { access_token: 'baru', token_type: 'Bearer', expires_in: 900 };

describe('SetPasswordPage', () => {
  afterEach(() => clearTokens());

  it('shows the rules, refuses a short or repeated-wrong password, then signs in with the code', async () => {
    const { calls } = mockFetch({ 'POST /api/v1/auth/set-password': () => json(pair) });
    renderWithProviders(
      <Routes>
        <Route path="/set-password" element={<SetPasswordPage />} />
        <Route path="/" element={<p>HALAMAN BERANDA</p>} />
      </Routes>,
      { route: '/set-password' },
    );
    const user = userEvent.setup();
    expect(screen.getByText('Minimal 8 karakter; ketik dua kali sama persis.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Kode sekali pakai/), 'ABCD-EFGH-JKLM-NPQR');
    await user.type(screen.getByLabelText(/^Kata sandi baru/), 'pendek');
    await user.type(screen.getByLabelText(/Ulangi kata sandi baru/), 'lain');
    await user.click(screen.getByRole('button', { name: 'Simpan dan masuk' }));
    expect(screen.getByText('Kata sandi minimal 8 karakter.')).toBeInTheDocument();
    expect(screen.getByText('Kedua kata sandi tidak sama.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.clear(screen.getByLabelText(/^Kata sandi baru/));
    await user.type(screen.getByLabelText(/^Kata sandi baru/), 'Baru-Sekali-2026');
    await user.clear(screen.getByLabelText(/Ulangi kata sandi baru/));
    await user.type(screen.getByLabelText(/Ulangi kata sandi baru/), 'Baru-Sekali-2026');
    await user.click(screen.getByRole('button', { name: 'Simpan dan masuk' }));

    expect(await screen.findByText('HALAMAN BERANDA')).toBeInTheDocument();
    expect(JSON.parse(calls[0]!.body)).toEqual({ code: 'ABCD-EFGH-JKLM-NPQR', new_password: 'Baru-Sekali-2026' });
    expect(getAccessToken()).toBe('baru');
    expect(hasSession()).toBe(true);
  });

  it('says when the code has expired', async () => {
    mockFetch({
      'POST /api/v1/auth/set-password': () => apiError(401, 'set_password_code_expired', 'Kode kedaluwarsa.'),
    });
    renderWithProviders(<SetPasswordPage />, { route: '/set-password' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/Kode sekali pakai/), 'ABCD');
    await user.type(screen.getByLabelText(/^Kata sandi baru/), 'Baru-Sekali-2026');
    await user.type(screen.getByLabelText(/Ulangi kata sandi baru/), 'Baru-Sekali-2026');
    await user.click(screen.getByRole('button', { name: 'Simpan dan masuk' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Kode/);
    expect(hasSession()).toBe(false);
  });
});

describe('ChangePasswordPage', () => {
  afterEach(() => clearTokens());

  it('changes the password, keeps this session with the new tokens and names a wrong current password', async () => {
    setTokens({ access_token: 'lama', expires_in: 900 });
    let attempt = 0;
    const { calls } = mockFetch({
      'POST /api/v1/me/password': () =>
        ++attempt === 1
          ? json(
              {
                error: {
                  code: 'validation_failed',
                  message: 'Data tidak valid',
                  fields: { current_password: ['Kata sandi saat ini salah'] },
                },
              },
              422,
            )
          : json(pair),
    });
    renderWithProviders(<ChangePasswordPage />, { route: '/account/password' });
    const user = userEvent.setup();
    const fill = async (current: string) => {
      await user.clear(screen.getByLabelText(/Kata sandi saat ini/));
      await user.type(screen.getByLabelText(/Kata sandi saat ini/), current);
      await user.clear(screen.getByLabelText(/^Kata sandi baru/));
      await user.type(screen.getByLabelText(/^Kata sandi baru/), 'Baru-Sekali-2026');
      await user.clear(screen.getByLabelText(/Ulangi kata sandi baru/));
      await user.type(screen.getByLabelText(/Ulangi kata sandi baru/), 'Baru-Sekali-2026');
      await user.click(screen.getByRole('button', { name: 'Ubah kata sandi' }));
    };
    await fill('salah');
    expect(await screen.findByText('Kata sandi saat ini salah')).toBeInTheDocument();
    await fill('Rahasia#2026');
    expect(await screen.findByText(/Sesi di perangkat lain telah berakhir/)).toBeInTheDocument();
    expect(calls[1]!.headers.get('authorization')).toBe('Bearer lama');
    expect(getAccessToken()).toBe('baru');
  });
});
