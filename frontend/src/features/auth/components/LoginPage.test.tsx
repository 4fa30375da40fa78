import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, getAccessToken, hasSession } from '../../../lib/auth/session';
import { LoginPage } from './LoginPage';

function renderLogin() {
  return renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={<p>HALAMAN BERANDA</p>} />
    </Routes>,
    { route: '/login' },
  );
}

async function submit(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('NIP atau email'), username);
  await user.type(screen.getByLabelText('Kata sandi'), password);
  await user.click(screen.getByRole('button', { name: 'Masuk' }));
}

describe('LoginPage', () => {
  afterEach(() => clearTokens());

  it('shows the server message for wrong credentials', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/auth/login': () => apiError(401, 'invalid_credentials', 'NIP/email atau kata sandi salah.'),
    });
    renderLogin();
    await submit('admin@kinerja360.local', 'salah');

    expect(await screen.findByText('NIP/email atau kata sandi salah.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('NIP/email atau kata sandi salah.');
    expect(JSON.parse(calls[0]!.body)).toEqual({ username: 'admin@kinerja360.local', password: 'salah' });
    expect(hasSession()).toBe(false);
  });

  it('shows the rate-limit message on 429', async () => {
    mockFetch({
      'POST /api/v1/auth/login': () =>
        apiError(429, 'too_many_requests', 'Terlalu banyak percobaan gagal. Coba lagi dalam 5 menit.'),
    });
    renderLogin();
    await submit('199001012015031001', 'salah');
    expect(await screen.findByText('Terlalu banyak percobaan gagal. Coba lagi dalam 5 menit.')).toBeInTheDocument();
  });

  it('disables the button while pending, then stores the session and goes to Beranda', async () => {
    let release: (r: Response) => void = () => {};
    mockFetch({
      'POST /api/v1/auth/login': () =>
        new Promise<Response>((resolve) => {
          release = resolve;
        }),
    });
    renderLogin();
    await submit('admin@kinerja360.local', 'Admin#2026');

    const button = screen.getByRole('button', { name: 'Memproses…' });
    expect(button).toBeDisabled();
    release(json({ access_token: 'a1', refresh_token: 'r1', token_type: 'Bearer', expires_in: 900 }));

    expect(await screen.findByText('HALAMAN BERANDA')).toBeInTheDocument();
    expect(getAccessToken()).toBe('a1');
    // The refresh token stays in the HttpOnly cookie: never in storage.
    expect(JSON.stringify(localStorage)).not.toContain('r1');
  });

  it('takes a one-time code typed as the password to the set-password page', async () => {
    mockFetch({
      'POST /api/v1/auth/login': () => apiError(403, 'password_change_required', 'Buat kata sandi baru.'),
    });
    renderWithProviders(
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/set-password" element={<p>HALAMAN KATA SANDI</p>} />
      </Routes>,
      { route: '/login' },
    );
    await submit('199001012015031001', 'ABCD-EFGH-JKLM-NPQR');
    expect(await screen.findByText('HALAMAN KATA SANDI')).toBeInTheDocument();
    expect(hasSession()).toBe(false);
  });

  it('asks for both fields before calling the server', async () => {
    const { fn } = mockFetch({});
    renderLogin();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('wajib diisi'));
    expect(fn).not.toHaveBeenCalled();
  });
});
