// The main navigation: one link per area with a single entry, a disclosure menu per area with
// several. On phones the whole list sits in the header's drawer, each area shown as a labelled
// section (styles.css); on wider screens each area opens as a small menu.
import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n/i18n';
import { AREA_LABEL, entryMatches, type NavArea, type NavEntry, type NavGroup } from './nav';

export function MainNavList({ groups }: { groups: NavGroup[] }) {
  const { pathname } = useLocation();
  const [open, setOpen] = useState<NavArea | null>(null);
  const [lastPath, setLastPath] = useState(pathname);
  const rootRef = useRef<HTMLUListElement>(null);

  // Following a link closes the open menu (state adjusted during render, not in an effect).
  if (lastPath !== pathname) {
    setLastPath(pathname);
    setOpen(null);
  }

  useEffect(() => {
    if (open === null) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Focus goes back to the button that opened the menu.
      const button = rootRef.current?.querySelector<HTMLButtonElement>(`[data-area="${open}"]`);
      setOpen(null);
      button?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <ul className="nav-groups" ref={rootRef}>
      {groups.map((g) =>
        g.entries.length === 1 && g.entries[0] ? (
          <li key={g.area}>
            <EntryLink entry={g.entries[0]} />
          </li>
        ) : (
          <AreaMenu
            key={g.area}
            group={g}
            open={open === g.area}
            current={g.entries.some((e) => entryMatches(e, pathname))}
            onToggle={() => setOpen((o) => (o === g.area ? null : g.area))}
          />
        ),
      )}
    </ul>
  );
}

/** One entry; an area with a single entry shows it with its own label (e.g. "Formulir 360"). */
function EntryLink({ entry }: { entry: NavEntry }) {
  const { t } = useI18n();
  return (
    <NavLink to={entry.to} end={entry.end || entry.to === '/'}>
      {t(entry.label)}
    </NavLink>
  );
}

function AreaMenu({
  group,
  open,
  current,
  onToggle,
}: {
  group: NavGroup;
  open: boolean;
  current: boolean;
  onToggle: () => void;
}) {
  const { t } = useI18n();
  const listId = useId();
  const label = t(AREA_LABEL[group.area]);
  return (
    <li className={`nav-group${current ? ' current' : ''}`}>
      <button
        type="button"
        className="nav-group-button"
        data-area={group.area}
        aria-expanded={open}
        aria-controls={listId}
        onClick={onToggle}
      >
        {label}
        <span aria-hidden="true" className="nav-caret">
          ▾
        </span>
      </button>
      <span className="nav-group-label">{label}</span>
      <ul id={listId} className={`nav-group-list${open ? ' open' : ''}`} aria-label={label}>
        {group.entries.map((e) => (
          <li key={e.to}>
            <EntryLink entry={e} />
          </li>
        ))}
      </ul>
    </li>
  );
}
