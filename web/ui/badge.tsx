import type { ReactNode } from 'react';

export function Badge({
  tone = 'layer',
  children,
}: {
  tone?: 'layer' | 'fictional' | 'muted';
  children: ReactNode;
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** The mark every screen of the demo town carries, so that nobody mistakes it for a real one. */
export function FictionalBadge() {
  return (
    <Badge tone="fictional">
      <span>架空の町</span>
    </Badge>
  );
}
