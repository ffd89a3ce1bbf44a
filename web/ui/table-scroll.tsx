import type { ReactNode } from 'react';

/**
 * A wide table's scrolling box: a named region that keyboard users can focus and scroll with the
 * arrow keys, so that no column is out of reach on a phone.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
