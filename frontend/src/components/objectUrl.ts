// An object URL for a Blob, revoked when no longer used. The revoke is deferred a tick so
// that StrictMode's simulated unmount/remount keeps the same URL alive.
import { useEffect, useMemo } from 'react';

const pending = new Map<string, ReturnType<typeof setTimeout>>();

export function useObjectUrl(blob: Blob | undefined | null): string | null {
  const url = useMemo(
    // jsdom (tests) has no createObjectURL.
    () => (blob && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(blob) : null),
    [blob],
  );
  useEffect(() => {
    if (!url) return;
    const timer = pending.get(url);
    if (timer !== undefined) {
      clearTimeout(timer);
      pending.delete(url);
    }
    return () => {
      pending.set(
        url,
        setTimeout(() => {
          pending.delete(url);
          URL.revokeObjectURL(url);
        }, 0),
      );
    };
  }, [url]);
  return url;
}
