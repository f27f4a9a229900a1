import type { KeyboardEvent, ReactNode } from 'react';

/** Bootstrap tabs with the ARIA tab pattern: ← → Home End move between tabs, one tab stop. */
export function Tabs<K extends string>(props: {
  id: string;
  label: string;
  tabs: { key: K; label: string }[];
  current: K;
  onChange: (key: K) => void;
  children: ReactNode;
}) {
  const { id, tabs, current, onChange } = props;
  function onKey(e: KeyboardEvent, index: number) {
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    const tab = tabs[next];
    if (!tab) return;
    e.preventDefault();
    onChange(tab.key);
    document.getElementById(`${id}-tab-${tab.key}`)?.focus();
  }
  return (
    <>
      <div role="tablist" aria-label={props.label} className="nav nav-tabs mb-3">
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            id={`${id}-tab-${tab.key}`}
            type="button"
            role="tab"
            aria-selected={tab.key === current}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === current ? 0 : -1}
            className={`nav-link${tab.key === current ? ' active' : ''}`}
            onClick={() => onChange(tab.key)}
            onKeyDown={(e) => onKey(e, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${current}`}>
        {props.children}
      </div>
    </>
  );
}
