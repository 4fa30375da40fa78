import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from './utils';
import { LoginPage } from '../features/auth/components/LoginPage';
import { ApiError, toApiError } from '../lib/api/errors';
import { apiErrorText, interpolate, I18nProvider, useI18n, type Translate } from '../lib/i18n/i18n';
import { en, id } from '../lib/i18n/messages';
import { ERROR_TEXTS, isErrorCode } from '../lib/i18n/messages-errors';
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

  describe('error texts by code', () => {
    const tId: Translate = (key) => id[key];
    const tEn: Translate = (key) => en[key];

    it('shows an English user the English text of a known code', () => {
      const err = toApiError(429, { error: { code: 'too_many_requests', message: 'Terlalu banyak percobaan masuk.' } });
      expect(err.code).toBe('too_many_requests');
      expect(apiErrorText('en', tEn, err.code, err.message)).toBe('Too many attempts. Please wait a moment and try again.');
      // Indonesian keeps the server's own (more specific) message.
      expect(apiErrorText('id', tId, err.code, err.message)).toBe('Terlalu banyak percobaan masuk.');
    });

    it("falls back to the code's Indonesian text when the server's message is empty", () => {
      const err = toApiError(409, { error: { code: 'skp_locked', message: '' } });
      expect(apiErrorText('id', tId, err.code, err.message)).toBe(ERROR_TEXTS.skp_locked.id);
      expect(apiErrorText('en', tEn, err.code, err.message)).toBe(ERROR_TEXTS.skp_locked.en);
    });

    it('reads a code the spec does not declare as unknown and shows the message as sent', () => {
      const err = toApiError(409, { error: { code: 'made_up_code', message: 'Pesan server.' } });
      expect(err.code).toBe('unknown');
      expect(apiErrorText('id', tId, err.code, err.message)).toBe('Pesan server.');
      expect(toApiError(502, null).code).toBe('server_error');
      expect(apiErrorText('en', tEn, 'server_error', 'HTTP 502')).toBe(en['error.server_error']);
      expect(apiErrorText('id', tId, 'network_error', 'x')).toBe(id['error.network_error']);
    });

    it('has a non-empty Indonesian and English text for every code', () => {
      for (const [code, text] of Object.entries(ERROR_TEXTS)) {
        expect(isErrorCode(code)).toBe(true);
        expect(text.id.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.id).not.toBe(text.en);
      }
      expect(isErrorCode('too_many_attempts')).toBe(false);
    });

    it('renders the fallback through the provider', () => {
      const err = new ApiError(403, 'forbidden', '');
      function Probe() {
        const { errorText } = useI18n();
        return <p>{errorText(err)}</p>;
      }
      render(
        <I18nProvider initialLang="id">
          <Probe />
        </I18nProvider>,
      );
      expect(screen.getByText('Anda tidak berhak melakukan tindakan ini.')).toBeInTheDocument();
    });
  });
});
