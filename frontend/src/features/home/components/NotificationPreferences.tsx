// On the account page: email on or off per notification category (in-app notices always
// arrive). Says so when no email can reach the account (no SMTP server or no address).
import { useI18n } from '../../../lib/i18n/i18n';
import { ErrorState, FormAlert, Loading } from '../../../components/Status';
import { usePreferences, useSetPreference } from '../api/notifications';

export function NotificationPreferences() {
  const { t, errorText } = useI18n();
  const prefs = usePreferences();
  const save = useSetPreference();

  let body;
  if (prefs.isPending) body = <Loading />;
  else if (prefs.isError) body = <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  else
    body = (
      <>
        {!prefs.data.email_available && <p className="note">{t('notify.prefs.unavailable')}</p>}
        <fieldset>
          <legend>{t('notify.prefs.legend')}</legend>
          {prefs.data.categories.map((c) => (
            <label key={c.category} className="checkbox">
              <input
                type="checkbox"
                checked={c.email}
                disabled={save.isPending}
                onChange={(e) => save.mutate({ category: c.category, email: e.target.checked })}
              />{' '}
              {t(`notify.category.${c.category}`)}
            </label>
          ))}
        </fieldset>
        <FormAlert message={save.error ? errorText(save.error) : null} />
      </>
    );

  return (
    <section aria-labelledby="notify-prefs-title">
      <h2 id="notify-prefs-title">{t('notify.prefs.title')}</h2>
      {body}
    </section>
  );
}
