// "Are you sure?" for actions with consequences; the error of the action is shown inside.
import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n';
import { Dialog } from './Dialog';
import { FormAlert } from './Status';

interface Props {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, pending, error, onConfirm, onCancel }: Props) {
  const { t, errorText } = useI18n();
  return (
    <Dialog title={title} onClose={onCancel} initialFocus="[data-autofocus]">
      <div className="dialog-body">{children}</div>
      <FormAlert message={error ? errorText(error) : null} />
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={pending} onClick={onConfirm}>
          {pending ? t('common.saving') : confirmLabel}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel} data-autofocus="">
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
