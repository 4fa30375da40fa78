// One development recommendation and WHY it was made: the period, the predikat or the
// BerAKHLAK value with its 360 mean, and the rule that fired.
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDecimal } from '../../../components/numbers';
import type { Recommendation } from '../api/types';
import { useEnumLabel } from './format';

export function RecommendationCard({
  rec,
  children,
  level = 3,
}: {
  rec: Recommendation;
  children?: ReactNode;
  /** Heading level of the card (its action list gets the next one). */
  level?: 3 | 4;
}) {
  const H = level === 3 ? 'h3' : 'h4';
  const { t } = useI18n();
  const dec = useDecimal();
  const label = useEnumLabel();
  const id = useId();
  const byValue = rec.trigger === 'value_360';
  const heading = byValue
    ? t('career.rec.byValue', { value: rec.value_label ?? String(rec.value_code ?? '') })
    : t('career.rec.byPredikat', { predikat: rec.predikat_label ?? label('predikat', rec.predikat) });
  return (
    <article className="card rec" aria-labelledby={`${id}-h`} data-testid="recommendation">
      <H id={`${id}-h`}>{heading}</H>
      <dl className="deflist">
        <dt>{t('career.rec.period')}</dt>
        <dd>{rec.period.name}</dd>
        {byValue ? (
          <>
            <dt>{t('career.rec.value')}</dt>
            <dd>{rec.value_label ?? String(rec.value_code ?? '')}</dd>
            <dt>{t('career.rec.mean')}</dt>
            <dd>
              <strong>{rec.mean == null ? t('common.none') : dec(rec.mean)}</strong>
              {rec.responses != null && (
                <span className="muted small"> ({t('career.rec.responses', { n: rec.responses })})</span>
              )}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('career.rec.predikat')}</dt>
            <dd>
              <strong>{rec.predikat_label ?? label('predikat', rec.predikat)}</strong>
            </dd>
          </>
        )}
        <dt>{t('career.rec.rule')}</dt>
        <dd>{rec.rule}</dd>
        <dt>{t('career.rec.cause')}</dt>
        <dd data-testid="rec-cause">{rec.cause}</dd>
      </dl>
      {children ?? <ActionList rec={rec} level={level === 3 ? 4 : 5} />}
    </article>
  );
}

export function ActionList({ rec, level = 4 }: { rec: Recommendation; level?: 4 | 5 }) {
  const H = level === 4 ? 'h4' : 'h5';
  const { t } = useI18n();
  if (rec.actions.length === 0) return <p className="muted">{t('career.rec.noActions')}</p>;
  return (
    <>
      <H>{t('career.rec.actions')}</H>
      <ul className="rec-actions">
        {rec.actions.map((a, i) => (
          <li key={`${a.kind}-${a.training_id ?? a.mentor_nip ?? i}`}>
            <ActionSummary action={a} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function ActionSummary({ action: a }: { action: Recommendation['actions'][number] }) {
  const { t } = useI18n();
  const dec = useDecimal();
  const label = useEnumLabel();
  return (
    <>
      <span className="badge">{label('kind', a.kind)}</span> <strong>{a.title}</strong>
      {a.kind === 'training' && (a.hours != null || a.mode || a.provider) && (
        <span className="muted small">
          {' · '}
          {[a.provider, a.hours != null ? t('career.hours.nJp', { n: a.hours }) : null, a.mode ? label('mode', a.mode) : null]
            .filter(Boolean)
            .join(' · ')}
        </span>
      )}
      {a.kind === 'mentoring' && a.mentor_name && (
        <span className="small">
          {' · '}
          {t('career.rec.mentor', { name: a.mentor_name })}
          {a.mentor_jabatan && `, ${a.mentor_jabatan}`}
          {a.mentor_mean != null && ` (${t('career.rec.mentorMean', { mean: dec(a.mentor_mean) })})`}
        </span>
      )}
      <br />
      <span className="muted small">{a.reason}</span>
    </>
  );
}
