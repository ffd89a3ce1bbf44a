import { ChevronDown } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

interface DisclosureProps {
  label: ReactNode;
  /** Accessible name when the visible label is not enough. */
  ariaLabel?: string;
  buttonClassName?: string;
  align?: 'left' | 'right';
  children: (close: () => void) => ReactNode;
}

/**
 * A button that shows a panel of links or buttons (disclosure pattern, not an ARIA menu: links
 * keep their normal keyboard behaviour). Escape and a click outside close it.
 */
export function Disclosure({
  label,
  ariaLabel,
  buttonClassName,
  align = 'right',
  children,
}: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className={`disclosure${align === 'left' ? ' disclosure--left' : ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className={buttonClassName ?? 'button button--secondary'}
        aria-expanded={open}
        aria-controls={id}
        aria-label={ariaLabel}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <ChevronDown aria-hidden="true" size={18} />
      </button>
      <div className="disclosure__panel" id={id} hidden={!open}>
        {open && children(() => setOpen(false))}
      </div>
    </div>
  );
}
