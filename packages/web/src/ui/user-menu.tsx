import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useAuth } from '../features/auth/auth-context';
import { useI18n } from '../i18n/i18n-context';
import { Icon } from './icons';

/** The navbar dropdown with the user's name: account page and logout. */
export function UserMenu() {
  const { t } = useI18n();
  const { me, logout } = useAuth();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!me) return null;
  return (
    <div className="dropdown" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-link nav-link dropdown-toggle d-flex align-items-center gap-1 user-menu-toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="user" />
        <span className="user-menu-name">{me.displayName}</span>
      </button>
      <ul
        id={menuId}
        className={`dropdown-menu dropdown-menu-end${open ? ' show' : ''}`}
        // Bootstrap aligns the menu to the right only for this attribute (normally set by Popper).
        data-bs-popper="static"
      >
        {/* On a phone the bar shortens the name: the menu shows it whole. */}
        <li className="dropdown-header text-wrap">
          <span className="d-block fw-semibold text-body">{me.displayName}</span>
          {me.username}
        </li>
        <li>
          <Link href="/account" className="dropdown-item" onClick={() => setOpen(false)}>
            {t('nav.account')}
          </Link>
        </li>
        <li>
          <hr className="dropdown-divider" />
        </li>
        <li>
          <button
            type="button"
            className="dropdown-item d-flex align-items-center gap-2"
            onClick={() => {
              setOpen(false);
              void logout();
            }}
          >
            <Icon name="logout" size={16} />
            {t('nav.logout')}
          </button>
        </li>
      </ul>
    </div>
  );
}
