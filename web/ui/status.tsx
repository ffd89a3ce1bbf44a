import { LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';

/** A busy line that screen readers announce politely. */
export function Loading({ label = '読み込んでいます…' }: { label?: string }) {
  return (
    <div className="loading" role="status">
      <LoaderCircle aria-hidden="true" size={20} className="spin" />
      <span>{label}</span>
    </div>
  );
}

type Tone = 'info' | 'success' | 'error' | 'warning';

export function Notice({
  tone = 'info',
  title,
  children,
  live,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  /** `alert` for errors that appear after an action, `status` for results. */
  live?: 'alert' | 'status';
}) {
  return (
    <div className={`notice${tone === 'info' ? '' : ` notice--${tone}`}`} role={live}>
      {title && <p className="notice__title">{title}</p>}
      {children}
    </div>
  );
}

/** The Japanese message of any error thrown by the API client (or a generic one). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return '問題が起きました。もう一度お試しください。';
}

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  return (
    <Notice tone="error" title={title} live="alert">
      <p>{errorMessage(error)}</p>
    </Notice>
  );
}
