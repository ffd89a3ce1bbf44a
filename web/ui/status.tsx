import { LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api';

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

/**
 * An error from a call whose answer names the fields or rows at fault (a file import, its mapping
 * or its commit): the message, then each of the server's field messages, so nothing is hidden.
 */
export function ErrorListNotice({ error, title }: { error: unknown; title?: string }) {
  const lines = error instanceof ApiError ? error.fields : [];
  return (
    <Notice tone="error" live="alert" title={title}>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((f) => (
            <li key={`${f.path}:${f.message}`}>{f.message}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
