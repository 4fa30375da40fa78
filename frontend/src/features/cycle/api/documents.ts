// The official documents as PDF (ADR 0022): the SKP of a year and the Dokumen Evaluasi
// Kinerja of a published period. They need the bearer token, so they are fetched through
// the API client and offered as a Blob download.
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api/client';
import { unwrap } from '../../../lib/api/errors';
import { saveBlob } from '../../../lib/download';

export type PdfDocument =
  | { kind: 'skp'; nip: string; year: number }
  | { kind: 'evaluasi'; nip: string; periodId: string; fileTag: string };

/** The file name the server also gives (only the NIP as personal data). */
export function pdfFileName(doc: PdfDocument): string {
  return doc.kind === 'skp' ? `SKP-${doc.year}-${doc.nip}.pdf` : `Evaluasi-Kinerja-${doc.fileTag}-${doc.nip}.pdf`;
}

function fetchPdf(doc: PdfDocument): Promise<Blob> {
  return doc.kind === 'skp'
    ? unwrap(
        api.GET('/api/v1/employees/{nip}/skp/{year}/pdf', {
          params: { path: { nip: doc.nip, year: doc.year } },
          parseAs: 'blob',
        }),
      )
    : unwrap(
        api.GET('/api/v1/periods/{id}/evaluations/{nip}/pdf', {
          params: { path: { id: doc.periodId, nip: doc.nip } },
          parseAs: 'blob',
        }),
      );
}

export function useDownloadPdf() {
  return useMutation({
    mutationFn: async (doc: PdfDocument) => {
      const blob = await fetchPdf(doc);
      saveBlob(blob, pdfFileName(doc));
      return blob.size;
    },
  });
}
