// Routes and navigation entries of this area, mounted inside the signed-in layout by App.tsx
// and Layout.tsx.
import type { ReactNode } from 'react';
import type { Me } from '../../api/types';

/** Route elements (children of the layout route). */
export const cycleRoutes: ReactNode = null;

/** Navigation list items for the signed-in user. */
export function CycleNavItems({ me }: { me: Me | undefined }): ReactNode {
  void me;
  return null;
}
