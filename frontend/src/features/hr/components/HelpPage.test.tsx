import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test/utils';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { HelpPage } from './HelpPage';

describe('HelpPage', () => {
  it('explains the cycle, the 360 anonymity, the curve and the right to appeal', () => {
    renderWithProviders(<HelpPage />);
    expect(screen.getByRole('heading', { level: 1, name: /Bantuan/ })).toBeInTheDocument();

    // The eight steps of the cycle, in order.
    const cycle = screen.getByRole('article', { name: 'Siklus penilaian kinerja' });
    const steps = within(cycle).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);
    expect(steps).toEqual([
      'SKP (Sasaran Kinerja Pegawai)',
      'Realisasi dan bukti dukung',
      'Umpan balik berkelanjutan',
      'Umpan balik 360 derajat',
      'Penilaian oleh atasan',
      'Kurva distribusi',
      'Publikasi',
      'Keberatan',
    ]);

    const anon = screen.getByRole('article', { name: /kerahasiaan penilai/ });
    expect(anon).toHaveTextContent('minimal 3 jawaban');
    expect(anon).toHaveTextContent('Atasan langsung yang memutuskan');
    const weights = within(anon).getByRole('table', { name: /Bobot bawaan/ });
    const weightOf = (group: string) =>
      within(weights).getByRole('rowheader', { name: group }).closest('tr')!.querySelector('td')!.textContent;
    expect(weightOf('Atasan langsung')).toBe('40%');
    expect(weightOf('Rekan kerja')).toBe('20%');
    expect(weightOf('Bawahan')).toBe('20%');
    expect(weightOf('Masyarakat')).toBe('20%');
    expect(weightOf('Diri sendiri')).toBe('0%');

    const curve = screen.getByRole('table', { name: /Aturan sebaran predikat/ });
    expect(within(curve).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Istimewa',
      'Baik',
      'Butuh Perbaikan',
      'Kurang',
      'Sangat Kurang',
    ]);
    expect(within(curve).getByRole('rowheader', { name: 'Sangat Kurang' }).closest('tr')).toHaveTextContent(
      'tidak ada Sangat Baik',
    );

    const appeal = screen.getByRole('article', { name: 'Hak mengajukan keberatan' });
    expect(appeal).toHaveTextContent('14 hari');
    expect(appeal).toHaveTextContent('atasan pejabat penilai');
    expect(appeal).toHaveTextContent('bersifat final');

    // The table of contents points at every section.
    const toc = screen.getByRole('navigation', { name: 'Daftar isi' });
    for (const link of within(toc).getAllByRole('link')) {
      const target = link.getAttribute('href')!.slice(1);
      expect(document.getElementById(target)).not.toBeNull();
    }
  });

  it('switches to English', async () => {
    renderWithProviders(
      <>
        <LanguageSwitch />
        <HelpPage />
      </>,
    );
    await userEvent.setup().selectOptions(screen.getByLabelText('Bahasa'), 'en');
    expect(screen.getByRole('heading', { level: 1, name: /Help: understanding/ })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Your right to appeal' })).toHaveTextContent('14 days');
  });
});
