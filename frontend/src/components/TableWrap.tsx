// A horizontally scrollable container for a wide table. It is a labelled region reachable by
// keyboard (tabIndex 0), so people who do not use a mouse can scroll it too.
import type { ReactNode } from 'react';

export function TableWrap({ label, busy, children }: { label: string; busy?: boolean; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0} aria-busy={busy || undefined}>
      {children}
    </div>
  );
}
