// One subordinate as the supervisor works with them in a period: the rating form (two
// ratings, the predikat preview from the exact matrix, the 360 breakdown and suggestion
// beside it, a justification when differing), their realisasi, continuous feedback and
// coaching records.
import type { components } from '../../../api/schema';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../lib/i18n/i18n';
import { ApiError } from '../../../lib/api/errors';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { TeamNav } from './CycleNav';
import { PeriodSelect, usePeriodParam } from './PeriodSelect';
import { ErrorSummary, PredikatBadge, PredikatMatrix, RatingRadios, SkpStatusBadge, type Problem } from './ui';
import { Summary360View } from './Summary360View';
import { RealisasiSheetView } from './RealisasiPage';
import { NotesList } from './NotesList';
import { CoachingList } from './CoachingList';
import { PeerApprovals } from './PeersSection';
import { useRate, useTeam, type TeamMember } from '../api/results';
import { useSummary360, type Summary360 } from '../api/f360';
import { useBerakhlak, type Period } from '../api/common';
import { useRealisasi } from '../api/realisasi';
import { useAddNote, useRecordCoaching } from '../api/notes';
import { predikatOf, type Rating } from '../domain';

type CoreValue = components['schemas']['CoreValue'];

export function MemberPage() {
  const { nip = '' } = useParams();
  const { t } = useI18n();
  const { periods, list, period, setPeriod } = usePeriodParam((p) => p.state !== 'draft');
  const team = useTeam(period?.id);
  const member = team.data?.items.find((m) => m.nip === nip);
  useDocumentTitle(member ? t('member.title', { name: member.name }) : t('team.title'));

  return (
    <section className="page" aria-labelledby="member-title">
      <TeamNav />
      <p>
        <Link to={`/tim${period ? `?period=${period.id}` : ''}`}>← {t('member.back')}</Link>
      </p>
      {periods.isPending || (team.isPending && !!period) ? (
        <Loading />
      ) : periods.isError ? (
        <ErrorState error={periods.error} />
      ) : team.isError ? (
        <ErrorState error={team.error} onRetry={() => void team.refetch()} />
      ) : !period ? (
        <p className="alert alert-info">{t('cycle.noPeriods')}</p>
      ) : !member ? (
        <>
          <h1 id="member-title">{t('team.title')}</h1>
          <p className="alert alert-info">{t('member.notInTeam')}</p>
        </>
      ) : (
        <>
          <h1 id="member-title">{t('member.title', { name: member.name })}</h1>
          <p className="muted">
            {member.jabatan} · {t('team.skp')}: <SkpStatusBadge status={member.skp_status ?? null} />
          </p>
          <div className="toolbar">
            <PeriodSelect periods={list} value={period.id} onChange={setPeriod} />
          </div>
          <MemberBody key={`${period.id}:${member.nip}`} member={member} period={period} />
        </>
      )}
    </section>
  );
}

function MemberBody({ member, period }: { member: TeamMember; period: Period }) {
  const { t } = useI18n();
  const summary = useSummary360(period.id, member.nip);
  const values = useBerakhlak();
  const sheet = useRealisasi(period.id, member.nip);
  return (
    <>
      <div className="rate-layout">
        <RatingForm member={member} period={period} summary={summary.data} />
        <section className="card" aria-label={t('s360.title')}>
          {summary.isPending ? (
            <Loading />
          ) : summary.isError ? (
            <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
          ) : (
            <Summary360View summary={summary.data} values={values.data} />
          )}
        </section>
      </div>
      <PeerApprovals period={period} nip={member.nip} />
      <section className="card" aria-labelledby="member-realisasi">
        <h2 id="member-realisasi">{t('realisasi.title')}</h2>
        {sheet.isPending ? (
          <Loading />
        ) : sheet.isError ? (
          <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />
        ) : (
          <RealisasiSheetView sheet={sheet.data} periodId={period.id} nip={member.nip} editable={false} />
        )}
      </section>
      <section className="card" aria-labelledby="member-notes">
        <h2 id="member-notes">{t('notes.title')}</h2>
        <NoteForm nip={member.nip} periodId={period.id} />
        <NotesList nip={member.nip} />
      </section>
      <section className="card" aria-labelledby="member-coaching">
        <h2 id="member-coaching">{t('coaching.title')}</h2>
        <CoachingForm nip={member.nip} />
        <CoachingList nip={member.nip} />
      </section>
    </>
  );
}

function RatingForm({ member, period, summary }: { member: TeamMember; period: Period; summary: Summary360 | undefined }) {
  const { t, errorText } = useI18n();
  const ev = member.evaluation;
  const [hasil, setHasil] = useState<Rating | null>(ev?.rating_hasil_kerja ?? null);
  const [perilaku, setPerilaku] = useState<Rating | null>(ev?.rating_perilaku ?? null);
  const [justification, setJustification] = useState(ev?.justification ?? '');
  const [final, setFinal] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const rate = useRate(period.id, member.nip);
  const statusRef = useRef<HTMLDivElement>(null);
  const fid = useId();
  const suggestion = summary?.suggested_rating ?? member.suggestion?.rating ?? null;
  const differs = !!suggestion && !!perilaku && perilaku !== suggestion;
  const locked = ev?.status === 'final' || period.state !== 'open';
  const justId = `${fid}-justification`;

  const problems: Problem[] = Object.entries(errors).map(([id, message]) => ({ id, message }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setStatus(null);
    const errs: Record<string, string> = {};
    if (!hasil) errs[`${fid}-hasil`] = t('rate.chooseHasil');
    if (!perilaku) errs[`${fid}-perilaku`] = t('rate.choosePerilaku');
    // Mirrors the server's 422 justification_required.
    if (differs && !justification.trim()) errs[justId] = t('rate.justificationRequired');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    rate.mutate(
      {
        rating_hasil_kerja: hasil!,
        rating_perilaku: perilaku!,
        justification: justification.trim() || null,
        final,
      },
      {
        onSuccess: () => {
          setStatus(final ? t('rate.savedFinal') : t('rate.saved'));
          statusRef.current?.focus();
        },
        onError: (err) => {
          if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
            const fe: Record<string, string> = {};
            for (const [k, v] of Object.entries(err.fields)) {
              fe[k === 'justification' ? justId : k === 'rating_perilaku' ? `${fid}-perilaku` : `${fid}-hasil`] = v.join(' ');
            }
            setErrors(fe);
          } else setFailure(errorText(err));
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="card rate-form" aria-labelledby={`${fid}-title`}>
      <h2 id={`${fid}-title`}>{t('rate.title')}</h2>
      {locked && (
        <p className="alert alert-info">{ev?.status === 'final' ? t('rate.final') : t('rate.periodNotOpen')}</p>
      )}
      <ErrorSummary problems={problems} />
      <FormAlert message={failure} />
      <RatingRadios
        name={`${fid}-hasil`}
        legend={t('rating.hasilKerja')}
        value={hasil}
        onChange={setHasil}
        error={errors[`${fid}-hasil`]}
        hint={t('rate.hasilHint')}
        disabled={locked}
      />
      <RatingRadios
        name={`${fid}-perilaku`}
        legend={t('rating.perilaku')}
        value={perilaku}
        onChange={setPerilaku}
        error={errors[`${fid}-perilaku`]}
        hint={suggestion ? t('rate.suggestionHint', { rating: t(`rating.${suggestion}`) }) : t('rate.noSuggestion')}
        disabled={locked}
      />
      <div aria-live="polite" className="preview">
        {hasil && perilaku ? (
          <p>
            {t('rate.preview')}: <PredikatBadge predikat={predikatOf(hasil, perilaku)} />
          </p>
        ) : (
          <p className="muted small">{t('rate.previewEmpty')}</p>
        )}
      </div>
      <PredikatMatrix hasil={hasil} perilaku={perilaku} />
      {(differs || justification) && (
        <div className={`field${errors[justId] ? ' field-invalid' : ''}`}>
          <label htmlFor={justId}>
            {t('rate.justification')}
            {differs && (
              <span className="required" aria-hidden="true">
                {' '}
                *
              </span>
            )}
          </label>
          <textarea
            id={justId}
            rows={3}
            maxLength={2000}
            disabled={locked}
            aria-required={differs || undefined}
            aria-invalid={errors[justId] ? true : undefined}
            aria-describedby={`${justId}-hint${errors[justId] ? ` ${justId}-error` : ''}`}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
          <p id={`${justId}-hint`} className="field-hint">
            {differs && suggestion ? t('rate.justificationHint', { rating: t(`rating.${suggestion}`) }) : t('rate.justificationOptional')}
          </p>
          {errors[justId] && (
            <p id={`${justId}-error`} className="field-error">
              {errors[justId]}
            </p>
          )}
        </div>
      )}
      <div className="field field-check">
        <input id={`${fid}-final`} type="checkbox" checked={final} disabled={locked} onChange={(e) => setFinal(e.target.checked)} />
        <label htmlFor={`${fid}-final`}>{t('rate.markFinal')}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={rate.isPending || locked}>
          {rate.isPending ? t('common.saving') : t('rate.save')}
        </button>
      </div>
      <div ref={statusRef} tabIndex={-1} role="status" aria-live="polite">
        {status && <p className="alert alert-success">{status}</p>}
      </div>
    </form>
  );
}

function NoteForm({ nip, periodId }: { nip: string; periodId: string }) {
  const { t, errorText, lang } = useI18n();
  const fid = useId();
  const values = useBerakhlak();
  const sheet = useRealisasi(periodId, nip);
  const [body, setBody] = useState('');
  const [rhkId, setRhkId] = useState('');
  const [valueCode, setValueCode] = useState<CoreValue | ''>('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const add = useAddNote(nip);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    if (!body.trim()) {
      setError(t('common.required'));
      document.getElementById(`${fid}-body`)?.focus();
      return;
    }
    setError(null);
    add.mutate(
      { body: body.trim(), period_id: periodId, rhk_id: rhkId || null, value_code: valueCode || null },
      {
        onSuccess: () => {
          setBody('');
          setStatus(t('notes.sent'));
        },
        onError: (err) => setError(err instanceof ApiError && err.fields.body ? err.fields.body.join(' ') : errorText(err)),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="note-form">
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${fid}-rhk`}>{t('notes.rhk')}</label>
          <select id={`${fid}-rhk`} value={rhkId} onChange={(e) => setRhkId(e.target.value)}>
            <option value="">{t('notes.general')}</option>
            {(sheet.data?.rhk ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.description}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${fid}-value`}>{t('notes.value')}</label>
          <select id={`${fid}-value`} value={valueCode} onChange={(e) => setValueCode(e.target.value as CoreValue | "")}>
            <option value="">{t('notes.general')}</option>
            {(values.data ?? []).map((v) => (
              <option key={String(v.code)} value={String(v.code)}>
                {lang === 'en' ? v.name_en : v.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={`${fid}-body`}>
          {t('notes.body')}
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <textarea
          id={`${fid}-body`}
          rows={3}
          maxLength={2000}
          aria-required="true"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fid}-err` : undefined}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {error && (
          <p id={`${fid}-err`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('notes.send')}
        </button>
        <span role="status" aria-live="polite" className="small">
          {status}
        </span>
      </div>
    </form>
  );
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const MAX_COMPETENCIES = 10;
const COMPETENCY_SCORES = [1, 2, 3, 4, 5] as const;

interface CompetencyRow {
  key: number;
  name: string;
  score: number | null;
}

function CoachingForm({ nip }: { nip: string }) {
  const { t, errorText } = useI18n();
  const fid = useId();
  const [heldOn, setHeldOn] = useState(today());
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [scores, setScores] = useState<CompetencyRow[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const record = useRecordCoaching(nip);
  const nextKey = useRef(0);
  const setRow = (i: number, patch: Partial<CompetencyRow>) =>
    setScores((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setFailure(null);
    const errs: Record<string, string> = {};
    if (!heldOn) errs.held_on = t('common.required');
    else if (heldOn > today()) errs.held_on = t('coaching.notFuture');
    if (!topic.trim()) errs.topic = t('common.required');
    // B.1.9 rows: a blank row is ignored; otherwise both a unique name and a score.
    const competency: Record<string, number> = {};
    const rowProblems: Problem[] = [];
    scores.forEach((r, i) => {
      const name = r.name.trim();
      if (!name && !r.score) return;
      if (!name) rowProblems.push({ id: `${fid}-cn-${i}`, message: t('coaching.competencyNameRequired', { n: i + 1 }) });
      else if (!r.score) rowProblems.push({ id: `${fid}-cs-${i}`, message: t('coaching.competencyScoreRequired', { n: i + 1 }) });
      else if (name in competency) rowProblems.push({ id: `${fid}-cn-${i}`, message: t('coaching.competencyDuplicate', { n: i + 1 }) });
      else competency[name] = r.score;
    });
    setErrors(errs);
    setProblems(rowProblems);
    if (Object.keys(errs).length > 0) {
      document.getElementById(`${fid}-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    if (rowProblems.length > 0) return;
    record.mutate(
      {
        held_on: heldOn,
        topic: topic.trim(),
        notes: notes.trim() || null,
        ...(Object.keys(competency).length > 0 ? { competency_scores: competency } : {}),
      },
      {
        onSuccess: () => {
          setTopic('');
          setNotes('');
          setScores([]);
          setStatus(t('coaching.recorded'));
        },
        onError: (err) => {
          if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
            const fe = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k.startsWith('competency_scores') ? 'competency_scores' : k, v.join(' ')]));
            setErrors(fe);
            if (fe.competency_scores) setProblems([{ id: `${fid}-competency`, message: fe.competency_scores }]);
          } else setFailure(errorText(err));
        },
      },
    );
  };

  const fieldProps = (k: string) => ({
    id: `${fid}-${k}`,
    'aria-invalid': errors[k] ? true : undefined,
    'aria-describedby': errors[k] ? `${fid}-${k}-e` : undefined,
  });
  const err = (k: string) =>
    errors[k] ? (
      <p id={`${fid}-${k}-e`} className="field-error">
        {errors[k]}
      </p>
    ) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="coaching-form">
      <ErrorSummary problems={problems} />
      <FormAlert message={failure} />
      <div className="form-grid">
        <div className={`field${errors.held_on ? ' field-invalid' : ''}`}>
          <label htmlFor={`${fid}-held_on`}>{t('coaching.heldOn')}</label>
          <input type="date" max={today()} {...fieldProps('held_on')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
          {err('held_on')}
        </div>
        <div className={`field${errors.topic ? ' field-invalid' : ''}`}>
          <label htmlFor={`${fid}-topic`}>
            {t('coaching.topic')}
            <span className="required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <input maxLength={200} aria-required="true" {...fieldProps('topic')} value={topic} onChange={(e) => setTopic(e.target.value)} />
          {err('topic')}
        </div>
      </div>
      <div className={`field${errors.notes ? ' field-invalid' : ''}`}>
        <label htmlFor={`${fid}-notes`}>{t('coaching.notes')}</label>
        <textarea rows={3} maxLength={4000} {...fieldProps('notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
        {err('notes')}
      </div>
      <fieldset
        id={`${fid}-competency`}
        tabIndex={-1}
        className={`choice choice-block${errors.competency_scores ? ' field-invalid' : ''}`}
        aria-describedby={`${fid}-competency-hint${errors.competency_scores ? ` ${fid}-competency_scores-e` : ''}`}
      >
        <legend>{t('coaching.competencyTitle')}</legend>
        <p id={`${fid}-competency-hint`} className="field-hint">
          {t('coaching.competencyHint')}
        </p>
        {scores.map((r, i) => {
          const bad = problems.some((p) => p.id === `${fid}-cn-${i}` || p.id === `${fid}-cs-${i}`);
          return (
            <div key={r.key} className={`form-grid${bad ? ' field-invalid' : ''}`}>
              <div className="field">
                <label htmlFor={`${fid}-cn-${i}`}>{t('coaching.competencyName', { n: i + 1 })}</label>
                <input
                  id={`${fid}-cn-${i}`}
                  maxLength={200}
                  aria-invalid={problems.some((p) => p.id === `${fid}-cn-${i}`) || undefined}
                  value={r.name}
                  onChange={(e) => setRow(i, { name: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${fid}-cs-${i}`}>{t('coaching.competencyScore', { n: i + 1 })}</label>
                <select
                  id={`${fid}-cs-${i}`}
                  aria-invalid={problems.some((p) => p.id === `${fid}-cs-${i}`) || undefined}
                  value={r.score ?? ''}
                  onChange={(e) => setRow(i, { score: e.target.value ? Number(e.target.value) : null })}
                >
                  <option value="">{t('coaching.competencyChoose')}</option>
                  {COMPETENCY_SCORES.map((v) => (
                    <option key={v} value={v}>
                      {v} · {t(`score.${v}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => setScores((prev) => prev.filter((_, j) => j !== i))}
                >
                  {t('coaching.competencyRemove', { n: i + 1 })}
                </button>
              </div>
            </div>
          );
        })}
        {scores.length < MAX_COMPETENCIES && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              const i = scores.length;
              setScores((prev) => [...prev, { key: nextKey.current++, name: '', score: null }]);
              setTimeout(() => document.getElementById(`${fid}-cn-${i}`)?.focus(), 0);
            }}
          >
            {t('coaching.competencyAdd')}
          </button>
        )}
        {err('competency_scores')}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={record.isPending}>
          {record.isPending ? t('common.saving') : t('coaching.record')}
        </button>
        <span role="status" aria-live="polite" className="small">
          {status}
        </span>
      </div>
    </form>
  );
}
