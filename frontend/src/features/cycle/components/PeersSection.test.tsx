import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { apiError, json, mockFetch, renderWithProviders } from '../../../test/utils';
import { clearTokens, setTokens } from '../../../lib/auth/session';
import { Inbox360Page } from './Inbox360Page';
import { parseNips } from './PeersSection';
import { period, periodsPage, STAF_NIP, stafMe } from '../testData';

const A = '199505052019031002';
const B = '199707072020121003';
const peersPath = `/api/v1/periods/${period.id}/employees/${STAF_NIP}/peers`;

function renderInbox() {
  return renderWithProviders(
    <Routes>
      <Route path="/kinerja/360" element={<Inbox360Page />} />
    </Routes>,
    { route: '/kinerja/360' },
  );
}

describe('peer nominations on the 360 forms page', () => {
  afterEach(() => clearTokens());

  it('parses NIPs on lines, commas and spaces without duplicates', () => {
    expect(parseNips(`${A}\n${B}, ${A} ;`)).toEqual([A, B]);
  });

  it('validates the NIPs, sends them and shows the server field error and the list', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    let rejectOnce = true;
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(stafMe),
      'GET /api/v1/me/360': () => json({ items: [] }),
      'GET /api/v1/periods': () => json({ ...periodsPage, items: [{ ...period, run_360: true }] }),
      [`GET ${peersPath}`]: () =>
        json({ items: [{ nip: B, name: 'Dedi Kurnia', jabatan: 'Analis', unit_code: 'X', unit_name: 'Kelurahan CB', state: 'rejected', decision_reason: 'Beda unit kerja' }] }),
      [`POST ${peersPath}`]: () => {
        if (rejectOnce) {
          rejectOnce = false;
          return apiError(422, 'validation_failed', 'Data tidak valid.', { fields: { nips: ['NIP 199909092021011001 tidak dikenal.'] } });
        }
        return json({ items: [{ nip: A, name: 'Rina Putri', jabatan: 'Analis', unit_code: 'X', unit_name: 'Kelurahan CB', state: 'nominated' }] });
      },
    });
    renderInbox();
    const user = userEvent.setup();

    const section = (await screen.findByRole('heading', { name: 'Usulan rekan kerja' })).closest('section')!;
    const table = await within(section).findByRole('table');
    expect(within(table).getByRole('rowheader', { name: /Dedi Kurnia/ })).toBeInTheDocument();
    expect(table).toHaveTextContent('Ditolak');
    expect(table).toHaveTextContent('Alasan: Beda unit kerja');

    const box = within(section).getByLabelText('NIP rekan kerja');
    // Client-side: a short NIP and one's own NIP are refused without a request.
    await user.type(box, `12345\n${A}`);
    await user.click(within(section).getByRole('button', { name: 'Kirim usulan' }));
    expect(await within(section).findByRole('link', { name: 'NIP harus 18 angka: 12345.' })).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    await user.clear(box);
    await user.type(box, STAF_NIP);
    await user.click(within(section).getByRole('button', { name: 'Kirim usulan' }));
    expect(await within(section).findByRole('link', { name: /tidak dapat mengusulkan diri sendiri/ })).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    // Server: an unknown NIP is reported on the field.
    await user.clear(box);
    await user.type(box, `${A}\n199909092021011001`);
    await user.click(within(section).getByRole('button', { name: 'Kirim usulan' }));
    expect(await within(section).findByRole('link', { name: 'NIP 199909092021011001 tidak dikenal.' })).toBeInTheDocument();
    expect(box).toHaveAccessibleDescription(/NIP 199909092021011001 tidak dikenal\./);
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body)).toEqual({ nips: [A, '199909092021011001'] });

    await user.clear(box);
    await user.type(box, A);
    await user.click(within(section).getByRole('button', { name: 'Kirim usulan' }));
    expect(await within(section).findByText('Usulan terkirim. Menunggu persetujuan atasan.')).toBeInTheDocument();
    expect(JSON.parse(calls.filter((c) => c.method === 'POST').at(-1)!.body)).toEqual({ nips: [A] });
    expect(await within(section).findByRole('rowheader', { name: /Rina Putri/ })).toBeInTheDocument();
    expect(section).toHaveTextContent('Menunggu persetujuan');
  }, 20_000);

  it('is absent when the open period runs no 360 round', async () => {
    setTokens({ access_token: 'a', refresh_token: 'r', expires_in: 900 });
    const { calls } = mockFetch({
      'GET /api/v1/me': () => json(stafMe),
      'GET /api/v1/me/360': () => json({ items: [] }),
      'GET /api/v1/periods': () => json({ ...periodsPage, items: [{ ...period, run_360: false }] }),
    });
    renderInbox();
    expect(await screen.findByText('Tidak ada formulir 360 untuk Anda saat ini.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Usulan rekan kerja' })).toBeNull();
    expect(calls.some((c) => c.path.endsWith('/peers'))).toBe(false);
  });
});
