// The main navigation's model: every feature area contributes entries tagged with the area they
// belong to; the layout groups them into a few menus (desktop) or sections (phone drawer).
import type { MessageKey } from '../lib/i18n/messages';

/** The areas of the main navigation, in display order. */
export const NAV_AREAS = ['home', 'kinerja', '360', 'layanan', 'karier', 'admin', 'help'] as const;
export type NavArea = (typeof NAV_AREAS)[number];

export interface NavEntry {
  area: NavArea;
  to: string;
  label: MessageKey;
  /** Active only on this exact path (not on its children). */
  end?: boolean;
}

export interface NavGroup {
  area: NavArea;
  entries: NavEntry[];
}

/** The label of an area's menu button. */
export const AREA_LABEL: Record<NavArea, MessageKey> = {
  home: 'nav.home',
  kinerja: 'nav.area.kinerja',
  '360': 'nav.area.360',
  layanan: 'nav.area.layanan',
  karier: 'nav.area.karier',
  admin: 'nav.area.admin',
  help: 'nav.hr.help',
};

/**
 * Groups entries by area in the areas' order, keeping each area's entries in the order given;
 * areas without entries are left out. Duplicate paths are shown once.
 */
export function groupNav(entries: readonly NavEntry[]): NavGroup[] {
  const seen = new Set<string>();
  const byArea = new Map<NavArea, NavEntry[]>();
  for (const e of entries) {
    if (seen.has(e.to)) continue;
    seen.add(e.to);
    const list = byArea.get(e.area) ?? [];
    list.push(e);
    byArea.set(e.area, list);
  }
  return NAV_AREAS.filter((a) => byArea.has(a)).map((area) => ({ area, entries: byArea.get(area)! }));
}

/** Whether `pathname` lies under the entry's path (the group holding it is shown as current). */
export function entryMatches(entry: NavEntry, pathname: string): boolean {
  if (entry.end || entry.to === '/') return pathname === entry.to;
  return pathname === entry.to || pathname.startsWith(`${entry.to}/`);
}
