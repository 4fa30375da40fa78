// The signed-in shell: header with brand, main navigation, language switch and user menu.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../lib/i18n/i18n';
import { canReadMasterData, canWriteMasterData, useLogout, useMe } from '../lib/auth/auth';
import { LanguageSwitch } from './LanguageSwitch';
import { TasksBadge } from '../features/home/components/TasksBadge';
import { useLiveUpdates } from '../lib/events/live';
import type { Me } from '../api/types';

/** `nav` adds the feature areas' entries (App.tsx supplies them; shared code knows no feature). */
export function Layout({ nav }: { nav?: (me: Me | undefined) => ReactNode }) {
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
          >
            <span aria-hidden="true">☰</span> {t('nav.menu')}
          </button>
          <nav id={navId} className={`mainnav${navOpen ? ' open' : ''}`} aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              {nav?.(me)}
              {canReadMasterData(me) && (
                <>
                  <li>
                    <NavLink to="/admin/units">{t('nav.units')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/admin/employees">{t('nav.employees')}</NavLink>
                  </li>
                </>
              )}
              {canWriteMasterData(me) && (
                <li>
                  <NavLink to="/admin/import">{t('nav.import')}</NavLink>
                </li>
              )}
              {canReadMasterData(me) && (
                <>
                  <li>
                    <NavLink to="/feedback">{t('nav.feedback')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/ikm">{t('nav.ikm')}</NavLink>
                  </li>
                </>
              )}
            </ul>
            <div className="nav-tools">
              <span className={`live-status live-${live}`} role="status" title={t(`live.${live}`)}>
                <span aria-hidden="true">●</span>
                <span className="visually-hidden">{t(`live.${live}`)}</span>
              </span>
              <TasksBadge />
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
