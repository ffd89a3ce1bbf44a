import { type CompositionEvent, type KeyboardEvent, type ReactNode, useState } from 'react';
import type { Option } from '../../../domain/questionnaire';
import { keyForCode, keyHint, optionForKey, optionKeys } from './definition';

/*
 * The fields of the keyboard entry screen. Each takes part in the screen's own focus order through
 * `data-entry`; the screen decides where focus goes next (EntryForm).
 */

/** What a field asks of the screen: go to the next or previous field. */
export interface Move {
  next: (from: HTMLElement) => void;
  prev: (from: HTMLElement) => void;
}

const plainKey = (e: KeyboardEvent) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;

/** One row: number, question, the field, the keys, and its error. */
export function EntryRow({
  id,
  number,
  label,
  hint,
  error,
  flash,
  children,
}: {
  id: string;
  number: string;
  label: ReactNode;
  hint?: string;
  error: string | null;
  flash?: string | null;
  children: ReactNode;
}) {
  return (
    <div className={`entry-row${error ? ' entry-row--error' : ''}`}>
      <span className="entry-row__num" aria-hidden="true">
        {number}
      </span>
      <label className="entry-row__label" htmlFor={id}>
        {number && <span className="visually-hidden">{number} </span>}
        {label}
      </label>
      <div className="entry-row__input">{children}</div>
      {(hint || flash) && (
        <span className="entry-row__hint" id={`${id}-hint`}>
          {flash ? <strong className="field__error">{flash}</strong> : hint}
        </span>
      )}
      {error && (
        <span className="entry-row__error" id={`${id}-error`}>
          <span className="field__error">
            <span className="visually-hidden">エラー：</span>
            {error}
          </span>
        </span>
      )}
    </div>
  );
}

function describedBy(id: string, hint: boolean, error: string | null): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}

/**
 * One option by one key: typing a number that is an option picks it and moves on (the caller moves
 * focus after the screen has updated, because the answer may show or hide later questions).
 * Backspace or Delete clears it; ↑ and ↓ go to the previous and next question.
 */
export function ChoiceField({
  id,
  number,
  label,
  options,
  value,
  error,
  onPick,
  move,
}: {
  id: string;
  number: string;
  label: ReactNode;
  options: readonly Option[];
  value: string;
  error: string | null;
  onPick: (code: string | null, advance: boolean) => void;
  move: Move;
}) {
  const [flash, setFlash] = useState<string | null>(null);
  const chosen = options.find((o) => o.code === value);
  const pick = (typed: string) => {
    const option = optionForKey(options, typed);
    if (option) {
      setFlash(null);
      onPick(option.code, true);
    } else setFlash(`「${typed}」は選択肢にありません（${keyHint(options)}）`);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (plainKey(e) && e.key !== ' ') {
      e.preventDefault();
      pick(e.key);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      setFlash(null);
      onPick(null, false);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      move.next(e.currentTarget);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move.prev(e.currentTarget);
    }
  };
  // Input methods (full-width digits) and pasting arrive here instead of as plain keys.
  const fromText = (text: string) => {
    const typed = [...text.normalize('NFKC').replace(keyForCode(options, value), '')].pop();
    if (text === '') onPick(null, false);
    else if (typed) pick(typed);
  };
  return (
    <EntryRow id={id} number={number} label={label} hint={keyHint(options)} flash={flash} error={error}>
      <input
        id={id}
        data-entry=""
        className="input"
        inputMode="numeric"
        autoComplete="off"
        enterKeyHint="next"
        value={chosen ? keyForCode(options, chosen.code) : ''}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? true : undefined}
        onKeyDown={onKeyDown}
        onChange={(e) => {
          if (!(e.nativeEvent as InputEvent).isComposing) fromText(e.target.value);
        }}
        onCompositionEnd={(e: CompositionEvent<HTMLInputElement>) => fromText(e.currentTarget.value)}
        onBlur={() => setFlash(null)}
      />
      <span className={`entry-row__chosen${chosen ? '' : ' entry-row__chosen--empty'}`} aria-hidden="true">
        {chosen ? chosen.label : '（未回答）'}
      </span>
    </EntryRow>
  );
}

/** Several options: each key turns its option on or off; Backspace clears. Enter or Tab moves on. */
export function MultiField({
  id,
  number,
  label,
  options,
  value,
  error,
  onChange,
  move,
}: {
  id: string;
  number: string;
  label: ReactNode;
  options: readonly Option[];
  value: readonly string[];
  error: string | null;
  onChange: (codes: string[]) => void;
  move: Move;
}) {
  const [flash, setFlash] = useState<string | null>(null);
  const keys = optionKeys(options);
  const toggle = (typed: string) => {
    const option = optionForKey(options, typed);
    if (!option) {
      setFlash(`「${typed}」は選択肢にありません（${keyHint(options)}）`);
      return;
    }
    setFlash(null);
    const set = new Set(value);
    if (set.has(option.code)) set.delete(option.code);
    else set.add(option.code);
    onChange(options.filter((o) => set.has(o.code)).map((o) => o.code));
  };
  const shown = keys.filter((k) => value.includes(k.option.code));
  return (
    <EntryRow
      id={id}
      number={number}
      label={label}
      hint={`${keyHint(options)}（いくつでも。もう一度押すと外れます）`}
      flash={flash}
      error={error}
    >
      <input
        id={id}
        data-entry=""
        className="input"
        inputMode="numeric"
        autoComplete="off"
        enterKeyHint="next"
        value={shown.map((k) => k.key).join('')}
        aria-describedby={describedBy(id, true, error)}
        aria-invalid={error ? true : undefined}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (plainKey(e) && e.key !== ' ') {
            e.preventDefault();
            toggle(e.key);
          } else if (e.key === 'Backspace' || e.key === 'Delete') {
            e.preventDefault();
            setFlash(null);
            onChange([]);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            move.next(e.currentTarget);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            move.prev(e.currentTarget);
          }
        }}
        onChange={(e) => {
          if ((e.nativeEvent as InputEvent).isComposing) return;
          const typed = [...e.target.value.normalize('NFKC')];
          const picked = new Set(typed.map((c) => optionForKey(options, c)?.code).filter(Boolean));
          onChange(options.filter((o) => picked.has(o.code)).map((o) => o.code));
        }}
        onBlur={() => setFlash(null)}
      />
      <span
        className={`entry-row__chosen${shown.length ? '' : ' entry-row__chosen--empty'}`}
        aria-hidden="true"
      >
        {shown.length ? shown.map((k) => k.option.label).join('・') : '（未回答）'}
      </span>
    </EntryRow>
  );
}

/** A number or free text, typed as is; Enter moves on. */
export function TextEntryField({
  id,
  number,
  label,
  hint,
  unit,
  wide,
  value,
  error,
  maxLength,
  onChange,
}: {
  id: string;
  number: string;
  label: ReactNode;
  hint?: string;
  unit?: string;
  wide?: boolean;
  value: string;
  error: string | null;
  maxLength?: number;
  onChange: (v: string) => void;
}) {
  return (
    <EntryRow id={id} number={number} label={label} hint={hint} error={error}>
      <input
        id={id}
        data-entry=""
        className={`input${wide ? ' input--wide' : ''}`}
        inputMode={wide ? 'text' : 'decimal'}
        autoComplete="off"
        enterKeyHint="next"
        maxLength={maxLength}
        value={value}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="entry-row__chosen entry-row__chosen--unit">{unit}</span>
    </EntryRow>
  );
}
