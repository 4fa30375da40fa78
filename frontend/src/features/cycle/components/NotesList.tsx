// Continuous feedback notes about an employee, newest first.
import { useI18n } from '../../../lib/i18n/i18n';
import { useDateTime } from '../../../components/numbers';
import { ErrorState, Loading } from '../../../components/Status';
import { useNotes } from '../api/notes';

export function NotesList({ nip, periodId = '' }: { nip: string; periodId?: string }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const notes = useNotes(nip, periodId);
  if (notes.isPending) return <Loading />;
  if (notes.isError) return <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />;
  if (notes.data.items.length === 0) return <p className="muted">{t('notes.none')}</p>;
  return (
    <ul className="comments notes" aria-live="polite">
      {notes.data.items.map((n) => (
        <li key={n.id} className="comment-item">
          <p className="small muted">
            {n.author ? `${n.author.name} · ` : ''}
            {dateTime(n.created_at)}
            {n.rhk && ` · ${t('notes.aboutRhk', { rhk: n.rhk.description })}`}
            {n.value && ` · ${n.value.name}`}
          </p>
          <p className="comment-text">{n.body}</p>
        </li>
      ))}
    </ul>
  );
}
