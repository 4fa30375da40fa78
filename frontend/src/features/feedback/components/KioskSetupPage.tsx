// The tablet's one-time setup as a kiosk (ADR 0027): the credential arrives in the URL fragment
// (never sent to a server, never logged), is removed from the address bar at once, posted to the
// server — which keeps it in an HttpOnly cookie — and the tablet moves on to the citizen form.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { FormAlert } from '../../../components/Status';
import { activateKiosk, deactivateKiosk, type KioskSession } from '../api/kiosks';

type State =
  | { step: 'idle' }
  | { step: 'working' }
  | { step: 'ready'; session: KioskSession }
  | { step: 'failed'; error: unknown }
  | { step: 'stopped' };

/** Takes the credential out of the fragment and clears it from the address bar and history. */
export function takeCredential(): string | null {
  const raw = window.location.hash.replace(/^#/, '').trim();
  if (!raw) return null;
  window.history.replaceState(null, '', window.location.pathname);
  return decodeURIComponent(raw);
}

export function KioskSetupPage({ go = (path: string) => window.location.replace(path) }: { go?: (path: string) => void }) {
  const { t, errorText } = useI18n();
  useDocumentTitle(t('kiosk.title'));
  // The credential is read once, on the first render, and leaves the address bar at once.
  const [credential] = useState(takeCredential);
  const [state, setState] = useState<State>(credential ? { step: 'working' } : { step: 'idle' });
  const started = useRef(false);

  useEffect(() => {
    if (started.current || !credential) return;
    started.current = true;
    activateKiosk(credential).then(
      (session) => {
        setState({ step: 'ready', session });
        go(session.form_path);
      },
      (error: unknown) => setState({ step: 'failed', error }),
    );
  }, [credential, go]);

  const stop = () => {
    deactivateKiosk().then(
      () => setState({ step: 'stopped' }),
      (error: unknown) => setState({ step: 'failed', error }),
    );
  };

  return (
    <div className="login-screen">
      <main id="main" className="login-card" aria-labelledby="kiosk-title">
        <h1 id="kiosk-title">{t('kiosk.title')}</h1>
        <div role="status" aria-live="polite">
          {state.step === 'idle' && <p>{t('kiosk.noLink')}</p>}
          {state.step === 'working' && <p>{t('kiosk.settingUp')}</p>}
          {state.step === 'ready' && (
            <>
              <p>{t('kiosk.ready', { name: state.session.name })}</p>
              <p>
                <a className="btn btn-primary" href={state.session.form_path}>
                  {t('kiosk.openForm')}
                </a>
              </p>
            </>
          )}
          {state.step === 'stopped' && <p>{t('kiosk.stopped')}</p>}
        </div>
        {state.step === 'failed' && <FormAlert message={`${t('kiosk.failed')} ${errorText(state.error)}`} />}
        <p>
          <button type="button" className="btn btn-secondary" onClick={stop}>
            {t('kiosk.stop')}
          </button>
        </p>
      </main>
    </div>
  );
}
