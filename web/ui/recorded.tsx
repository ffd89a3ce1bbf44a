import { Check } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * 「記録しました」 after a quick record on a phone: the heading takes the focus so that a screen
 * reader says it at once, then what was recorded and the ways on (again, open it, the list).
 */
export function RecordedPanel({ what, actions }: { what: ReactNode; actions: ReactNode }) {
  const title = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section className="quick-done" aria-labelledby={title}>
      <h2 id={title} ref={heading} tabIndex={-1}>
        <Check aria-hidden="true" size={28} />
        記録しました
      </h2>
      <p className="quick-done__what">{what}</p>
      <div className="quick-done__actions">{actions}</div>
    </section>
  );
}
