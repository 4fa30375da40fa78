// A button that downloads an official document as PDF, with its progress and error told
// to screen readers.
import { useI18n } from '../../../lib/i18n/i18n';
import { useDownloadPdf, type PdfDocument } from '../api/documents';

export function PdfButton({ doc, label }: { doc: PdfDocument; label: string }) {
  const { t, errorText } = useI18n();
  const download = useDownloadPdf();
  return (
    <div className="toolbar-item">
      <button
        type="button"
        className="btn btn-secondary"
        disabled={download.isPending}
        onClick={() => download.mutate(doc)}
      >
        {download.isPending ? t('doc.downloading') : label}
      </button>
      <span role="status" className={download.isError ? 'field-error' : 'visually-hidden'}>
        {download.isError ? errorText(download.error) : download.isSuccess ? t('doc.downloaded') : ''}
      </span>
    </div>
  );
}
