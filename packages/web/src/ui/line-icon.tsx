import type { ReactNode } from 'react';

/** The frame of a 24×24 line icon (desktop and field sets): decorative, hidden from screen readers. */
export function LineIcon({
  children,
  size,
  className,
}: {
  children: ReactNode;
  size: number;
  className?: string;
}) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
