import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, Loading } from '../../../components/Status';
import { useObjectUrl } from '../../../components/objectUrl';
import { useQrImage } from '../api/feedback';
import { useTargetFromRoute } from './useTargetFromRoute';

function fileSlug(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'qr'
  );
}

export function TargetQrPage() {
  const { t } = useI18n();
  useDocumentTitle(t('qr.title'));
  const { id, target } = useTargetFromRoute();
  const token = target.data?.token;
  const svg = useQrImage(id, 'svg', token);
  const png = useQrImage(id, 'png', token);
  const svgUrl = useObjectUrl(svg.data);
  const pngUrl = useObjectUrl(png.data);

  if (target.isPending) return <Loading />;
  if (target.isError) return <ErrorState error={target.error} onRetry={() => void target.refetch()} />;
  const tg = target.data;
  const slug = `qr-${fileSlug(tg.label)}`;

  return (
    <section className="page" aria-labelledby="qr-title">
      <div className="page-head no-print">
        <div>
          <h1 id="qr-title">{t('qr.title')}</h1>
          <p className="muted page-sub">
            {tg.label} · {tg.unit_name}
          </p>
        </div>
        <Link to="/feedback/targets" className="btn btn-secondary">
          {t('targets.backToList')}
        </Link>
      </div>

      {!tg.active && <p className="alert alert-info no-print">{t('qr.inactive')}</p>}

      <dl className="deflist no-print">
        <dt>{t('targets.publicUrl')}</dt>
        <dd>
          <a href={tg.public_url} className="url" target="_blank" rel="noopener noreferrer" data-public-url="">
            {tg.public_url}
          </a>
        </dd>
      </dl>

      <div className="form-actions no-print qr-actions">
        <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!svgUrl}>
          {t('qr.print')}
        </button>
        {svgUrl ? (
          <a className="btn btn-secondary" href={svgUrl} download={`${slug}.svg`}>
            {t('qr.downloadSvg')}
          </a>
        ) : (
          <button type="button" className="btn btn-secondary" disabled>
            {t('qr.downloadSvg')}
          </button>
        )}
        {pngUrl ? (
          <a className="btn btn-secondary" href={pngUrl} download={`${slug}.png`}>
            {t('qr.downloadPng')}
          </a>
        ) : (
          <button type="button" className="btn btn-secondary" disabled>
            {t('qr.downloadPng')}
          </button>
        )}
      </div>
      <p className="muted small no-print">{t('qr.hint')}</p>

      <div className="qr-sheet print-area" aria-live="polite" aria-busy={svg.isPending}>
        {svg.isPending ? (
          <Loading label={t('qr.loading')} />
        ) : svg.isError ? (
          <ErrorState error={svg.error} onRetry={() => void svg.refetch()} />
        ) : (
          svgUrl && <img src={svgUrl} alt={t('qr.alt', { label: tg.label, unit: tg.unit_name })} />
        )}
      </div>
    </section>
  );
}
