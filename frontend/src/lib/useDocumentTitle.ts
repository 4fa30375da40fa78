import { useEffect } from 'react';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Kinerja360` : 'Kinerja360';
  }, [title]);
}
