import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './utils';
import { LoginPage } from '../features/auth/components/LoginPage';
import { ApiError } from '../lib/api/errors';
import { interpolate, I18nProvider, useI18n } from '../lib/i18n/i18n';
import { render } from '@testing-library/react';

describe('i18n', () => {
  it('defaults to Indonesian and switches to English, persisting the choice', async () => {
    renderWithProviders(<LoginPage />, { route: '/login' });
    expect(screen.getByRole('heading', { name: 'Masuk ke Kinerja360' })).toBeInTheDocument();
    expect(screen.getByLabelText('Kata sandi')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('id');

    await userEvent.setup().selectOptions(screen.getByLabelText('Bahasa'), 'en');

    expect(screen.getByRole('heading', { name: 'Sign in to Kinerja360' })).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(localStorage.getItem('kinerja360.lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the language stored earlier', () => {
    localStorage.setItem('kinerja360.lang', 'en');
    renderWithProviders(<LoginPage />, { route: '/login' });
    expect(screen.getByRole('heading', { name: 'Sign in to Kinerja360' })).toBeInTheDocument();
  });

  it('interpolates parameters', () => {
    expect(interpolate('Halaman {page} dari {pages}', { page: 2, pages: 5 })).toBe('Halaman 2 dari 5');
    expect(interpolate('tetap {x}', {})).toBe('tetap {x}');
  });

  it('shows server messages in Indonesian and known codes translated in English', () => {
    const err = new ApiError(401, 'invalid_credentials', 'NIP/email atau kata sandi salah.');
    function Probe() {
      const { errorText } = useI18n();
      return <p>{errorText(err)}</p>;
    }
    const { unmount } = render(
      <I18nProvider initialLang="id">
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('NIP/email atau kata sandi salah.')).toBeInTheDocument();
    unmount();
    render(
      <I18nProvider initialLang="en">
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('Incorrect NIP/email or password.')).toBeInTheDocument();
  });
});
