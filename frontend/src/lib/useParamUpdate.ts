// Filters and pages kept in the URL's query: one way to change them for every list screen.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The current query and a function that sets (or, when empty, removes) some of its values.
 * Changing anything but `page` goes back to the first page; `replace` keeps the history entry.
 */
export function useParamUpdate(): [
  URLSearchParams,
  (changes: Record<string, string>, replace?: boolean) => void,
] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: Record<string, string>, replace = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v) next.set(k, v);
            else next.delete(k);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace },
      ),
    [setParams],
  );
  return [params, update];
}
