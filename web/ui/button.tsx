import { LoaderCircle } from 'lucide-react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-solid' | 'quiet' | 'on-dark';

export function buttonClass(variant: ButtonVariant = 'primary', small = false): string {
  return ['button', variant !== 'primary' && `button--${variant}`, small && 'button--small']
    .filter(Boolean)
    .join(' ');
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  small?: boolean;
  /** Shows a spinner and blocks repeated clicks while a request runs. */
  busy?: boolean;
  busyLabel?: string;
  icon?: ReactNode;
}

/** A 44 px button. `busy` keeps it focusable (aria-disabled) so screen readers do not lose their place. */
export function Button({
  variant = 'primary',
  small = false,
  busy = false,
  busyLabel,
  icon,
  children,
  className,
  type = 'button',
  onClick,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={[buttonClass(variant, small), className].filter(Boolean).join(' ')}
      aria-disabled={busy || undefined}
      onClick={(e) => {
        if (busy) {
          e.preventDefault();
          return;
        }
        onClick?.(e);
      }}
      {...rest}
    >
      {busy ? <LoaderCircle aria-hidden="true" size={18} className="spin" /> : icon}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
