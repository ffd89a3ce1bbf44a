import { useEffect, useRef } from 'react';

export interface SummaryItem {
  /** Dotted field path from the server, or '' for the whole form. */
  path: string;
  message: string;
}

interface ErrorSummaryProps {
  title?: string;
  /** The overall message (e.g. the server's), shown when it adds something to the list. */
  message?: string | null;
  items: SummaryItem[];
  /** Maps a field path to the id of its control, so that each message links to the field. */
  fieldId?: (path: string) => string | null;
}

/**
 * The box at the top of a form that lists every problem and takes the focus when it appears, so
 * that keyboard and screen-reader users learn at once what went wrong and can jump to each field.
 */
export function ErrorSummary({
  title = '入力内容を確認してください',
  message,
  items,
  fieldId,
}: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const key = `${message ?? ''}|${items.map((i) => `${i.path}:${i.message}`).join('|')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again whenever the problems change
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  if (!message && items.length === 0) return null;
  const showMessage = message && message !== title && !items.some((i) => i.message === message);
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      {showMessage && <p>{message}</p>}
      {items.length > 0 && (
        <ul className="error-summary__list">
          {items.map((item) => {
            const target = fieldId?.(item.path);
            return (
              <li key={`${item.path}:${item.message}`}>
                {target ? (
                  <a
                    href={`#${target}`}
                    onClick={(e) => {
                      const el = document.getElementById(target);
                      if (el) {
                        e.preventDefault();
                        el.focus();
                        el.scrollIntoView?.({ block: 'center' });
                      }
                    }}
                  >
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
