// "Bantuan": plain-language pages on the cycle, the predikat matrix, the 360 and its anonymity,
// the distribution curve and the right to appeal. Written to reassure and explain.
import { useI18n, type Translate } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { PredikatMatrix } from './PredikatMatrix';

const CYCLE_STEPS = ['skp', 'realisasi', 'feedback', '360', 'evaluation', 'curve', 'publish', 'appeal'] as const;
const SECTIONS = ['cycle', 'matrix', '360', 'release360', 'curve', 'appeal'] as const;
const CURVE_ROWS = [
  ['istimewa', 'istimewaRule'],
  ['baik', 'baikRule'],
  ['butuh', 'butuhRule'],
  ['kurang', 'kurangRule'],
  ['sangatKurang', 'sangatKurangRule'],
] as const;
const GROUPS = [
  ['supervisor', 40, 'named'],
  ['peers', 20, 'anonymous'],
  ['subordinates', 20, 'anonymous'],
  ['public', 20, 'anonymous'],
  ['self', 0, 'selfShown'],
] as const;

function sectionId(s: (typeof SECTIONS)[number]) {
  return `bantuan-${s}`;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <article className="card" id={id} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </article>
  );
}

function sectionTitle(t: Translate, s: (typeof SECTIONS)[number]): string {
  return t(`help.${s}.title`);
}

export function HelpPage() {
  const { t } = useI18n();
  useDocumentTitle(t('nav.hr.help'));
  return (
    <section className="page help-page" aria-labelledby="help-title">
      <h1 id="help-title">{t('help.title')}</h1>
      <p className="lead">{t('help.lead')}</p>

      <nav className="card" aria-labelledby="help-toc">
        <h2 id="help-toc">{t('help.toc')}</h2>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${sectionId(s)}`}>{sectionTitle(t, s)}</a>
            </li>
          ))}
        </ol>
      </nav>

      <aside className="card alert-info" aria-labelledby="help-reassure">
        <h2 id="help-reassure">{t('help.reassure.title')}</h2>
        <ul>
          <li>{t('help.reassure.1')}</li>
          <li>{t('help.reassure.2')}</li>
          <li>{t('help.reassure.3')}</li>
          <li>{t('help.reassure.4')}</li>
        </ul>
      </aside>

      <Section id={sectionId('cycle')} title={t('help.cycle.title')}>
        <p>{t('help.cycle.intro')}</p>
        <ol className="help-steps">
          {CYCLE_STEPS.map((s) => (
            <li key={s}>
              <strong>{t(`help.cycle.${s}.title`)}</strong>
              <p>{t(`help.cycle.${s}.body`)}</p>
            </li>
          ))}
        </ol>
      </Section>

      <Section id={sectionId('matrix')} title={t('help.matrix.title')}>
        <p>{t('help.matrix.intro')}</p>
        <PredikatMatrix />
        <p className="note">{t('help.matrix.note')}</p>
        <h3>{t('help.matrix.codesTitle')}</h3>
        <ul>
          <li>{t('help.matrix.ratingCodes')}</li>
          <li>{t('help.matrix.predikatCodes')}</li>
        </ul>
      </Section>

      <Section id={sectionId('360')} title={t('help.360.title')}>
        <p>{t('help.360.intro')}</p>
        <ul>
          <li>{t('help.360.anon')}</li>
          <li>{t('help.360.min')}</li>
          <li>{t('help.360.decides')}</li>
          <li>{t('help.360.weights')}</li>
          <li>{t('help.360.mapping')}</li>
        </ul>
        <div className="table-wrap">
          <table>
            <caption>{t('help.360.weightsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('help.360.group')}</th>
                <th scope="col" className="num">
                  {t('help.360.weight')}
                </th>
                <th scope="col">{t('help.360.shown')}</th>
              </tr>
            </thead>
            <tbody>
              {GROUPS.map(([g, w, shown]) => (
                <tr key={g}>
                  <th scope="row">{t(`help.360.g.${g}`)}</th>
                  <td className="num">{w}%</td>
                  <td>{t(`help.360.${shown}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id={sectionId('release360')} title={t('help.release360.title')}>
        <p>{t('help.release360.when')}</p>
        <p>{t('help.release360.why')}</p>
        <ul>
          <li>{t('help.release360.few')}</li>
          <li>{t('help.release360.comments')}</li>
          <li>{t('help.release360.suggestion')}</li>
        </ul>
      </Section>

      <Section id={sectionId('curve')} title={t('help.curve.title')}>
        <p>{t('help.curve.intro')}</p>
        <div className="table-wrap">
          <table>
            <caption>{t('help.curve.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('help.curve.org')}</th>
                <th scope="col">{t('help.curve.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {CURVE_ROWS.map(([org, rule]) => (
                <tr key={org}>
                  <th scope="row">{t(`help.curve.${org}`)}</th>
                  <td>{t(`help.curve.${rule}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="note">{t('help.curve.rounding')}</p>
        <p className="note">{t('help.curve.override')}</p>
      </Section>

      <Section id={sectionId('appeal')} title={t('help.appeal.title')}>
        <p>{t('help.appeal.intro')}</p>
        <ul>
          <li>{t('help.appeal.when')}</li>
          <li>{t('help.appeal.how')}</li>
          <li>{t('help.appeal.who')}</li>
          <li>{t('help.appeal.final')}</li>
        </ul>
      </Section>
    </section>
  );
}
