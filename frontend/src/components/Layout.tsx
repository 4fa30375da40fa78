// The signed-in shell: header with brand, main navigation, language switch and user menu.
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../lib/i18n/i18n';
import { useLogout, useMe } from '../lib/auth/auth';
import { LanguageSwitch } from './LanguageSwitch';
import { useLiveUpdates } from '../lib/events/live';
import type { Me } from '../api/types';
import { groupNav, type NavEntry } from './nav';
import { MainNavList } from './MainNav';

const HOME: NavEntry = { area: 'home', to: '/', label: 'nav.home', end: true };

/**
 * `nav` lists the feature areas' entries (App.tsx supplies them; shared code knows no feature);
 * the layout groups them by area.
 */
export function Layout({
  nav,
  tools,
}: {
  nav?: (me: Me | undefined) => NavEntry[];
  /** Header tools that stay visible on phones (the notification bell, the task count). */
  tools?: (me: Me | undefined) => ReactNode;
}) {
  const { t } = useI18n();
  const { data: me } = useMe();
  // Screens refresh themselves when the server reports a change (Server-Sent Events).
  const live = useLiveUpdates(me !== undefined);
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [lastPath, setLastPath] = useState(location.pathname);
  const menuRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const groups = groupNav([HOME, ...(nav?.(me) ?? [])]);
  const navId = useId();
  const menuId = useId();

  // Close the menus when the route changes (state adjusted during render, not in an effect).
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setNavOpen(false);
    setMenuOpen(false);
  }

  useEffect(() => {
    if (!menuOpen) return;
    const onDown = (e: MouseEvent) => {
      if (menuRef.current && !menuRef.current.contains(e.target as Node)) setMenuOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  // The phone drawer: opening it moves focus to its first link; Escape closes it and returns
  // focus to the Menu button (an open area menu inside handles Escape first).
  useEffect(() => {
    if (navOpen) navRef.current?.querySelector<HTMLElement>('a, button')?.focus();
  }, [navOpen]);
  const onNavKeyDown = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Escape' || !navOpen || e.defaultPrevented) return;
    if ((e.target as HTMLElement).closest('.usermenu-panel, .nav-group-list.open, [aria-expanded="true"]')) return;
    setNavOpen(false);
    toggleRef.current?.focus();
  };

  const onLogout = async () => {
    setMenuOpen(false);
    await logout();
    navigate('/login', { replace: true });
  };

  const displayName = me?.employee?.full_name ?? me?.user.name ?? '';

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/" className="brand">
            {t('app.name')}
          </NavLink>
          <button
            type="button"
            className="nav-toggle"
            aria-expanded={navOpen}
            aria-controls={navId}
            onClick={() => setNavOpen((o) => !o)}
            ref={toggleRef}
          >
            <span aria-hidden="true">☰</span> {t('nav.menu')}
          </button>
          <nav
            id={navId}
            ref={navRef}
            className={`mainnav${navOpen ? ' open' : ''}`}
            aria-label={t('nav.label')}
            onKeyDown={onNavKeyDown}
          >
            <MainNavList groups={groups} />
            <div className="nav-tools">
              <span className={`live-status live-${live}`} role="status" title={t(`live.${live}`)}>
                <span aria-hidden="true">●</span>
                <span className="visually-hidden">{t(`live.${live}`)}</span>
              </span>
              <LanguageSwitch />
              <div className="usermenu" ref={menuRef}>
                <button
                  type="button"
                  className="usermenu-button"
                  aria-expanded={menuOpen}
                  aria-controls={menuId}
                  aria-label={`${t('nav.userMenu')}: ${displayName}`}
                  onClick={() => setMenuOpen((o) => !o)}
                >
                  <span className="avatar" aria-hidden="true">
                    {displayName.trim().charAt(0).toUpperCase() || '?'}
                  </span>
                  <span className="usermenu-name">{displayName}</span>
                </button>
                <div id={menuId} className="usermenu-panel" hidden={!menuOpen}>
                  <p className="usermenu-who">
                    <strong>{displayName}</strong>
                    {me?.user.email && <span>{me.user.email}</span>}
                  </p>
                  <Link to="/account/password" className="btn btn-secondary">
                    {t('nav.password')}
                  </Link>
                  <button type="button" className="btn btn-secondary" onClick={onLogout}>
                    {t('nav.logout')}
                  </button>
                </div>
              </div>
            </div>
          </nav>
          {/* Header actions that stay visible on phones (outside the drawer): tasks, notifications. */}
          <div className="header-actions">{tools?.(me)}</div>
        </div>
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>
          {t('app.name')} · {t('app.tagline')}
        </p>
      </footer>
    </div>
  );
}
