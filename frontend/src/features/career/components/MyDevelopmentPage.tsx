// "Pengembangan Saya": what is recommended to me and why, my development plans with progress
// and certificates, and my training hours this year against the 20 JP target.
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useMe } from '../../../lib/auth/auth';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { useRecommendations, useTrainingHours } from '../api/development';
import { RecommendationCard } from './RecommendationCard';
import { PlansSection } from './PlansSection';
import { TrainingHoursBar } from './TrainingHoursBar';
import { currentYear } from './format';

export function MyDevelopmentPage() {
  const { t } = useI18n();
  useDocumentTitle(t('career.my.title'));
  const { data: me } = useMe();
  const nip = me?.employee?.nip ?? undefined;
  const [notice, setNotice] = useState<{ text: string; tone: 'success' | 'error' } | null>(null);

  if (!nip) {
    return (
      <section className="page" aria-labelledby="my-dev-title">
        <h1 id="my-dev-title">{t('career.my.title')}</h1>
        <p className="alert alert-info">{t('career.my.noEmployee')}</p>
      </section>
    );
  }

  return (
    <section className="page career" aria-labelledby="my-dev-title">
      <div className="page-head">
        <h1 id="my-dev-title">{t('career.my.title')}</h1>
      </div>
      <p className="muted">{t('career.my.intro')}</p>
      <FormAlert message={notice?.tone === 'success' ? notice.text : null} tone="success" />
      <FormAlert message={notice?.tone === 'error' ? notice.text : null} />

      <HoursSection nip={nip} />
      <RecommendationsSection nip={nip} />
      <PlansSection nip={nip} owner onNotice={(text, tone) => setNotice({ text, tone })} />
    </section>
  );
}

function HoursSection({ nip }: { nip: string }) {
  const { t } = useI18n();
  const year = currentYear();
  const hours = useTrainingHours(nip, year);
  return (
    <section className="card" aria-labelledby="my-hours">
      <h2 id="my-hours">{t('career.hours.title', { year })}</h2>
      {hours.isPending ? (
        <Loading />
      ) : hours.isError ? (
        <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
      ) : (
        <TrainingHoursBar hours={hours.data} />
      )}
    </section>
  );
}

function RecommendationsSection({ nip }: { nip: string }) {
  const { t } = useI18n();
  const recs = useRecommendations(nip);
  return (
    <section aria-labelledby="my-recs">
      <h2 id="my-recs">{t('career.rec.title')}</h2>
      {recs.isPending ? (
        <Loading />
      ) : recs.isError ? (
        <ErrorState error={recs.error} onRetry={() => void recs.refetch()} />
      ) : recs.data.items.length === 0 ? (
        <p className="muted">
          {recs.data.period
            ? t('career.rec.noneInPeriod', { period: recs.data.period.name })
            : t('career.rec.noPeriod')}
        </p>
      ) : (
        <>
          <p className="muted small">{t('career.rec.explain')}</p>
          {recs.data.items.map((r) => (
            <RecommendationCard key={r.key} rec={r} />
          ))}
        </>
      )}
    </section>
  );
}
