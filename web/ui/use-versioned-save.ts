import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../lib/api';

/**
 * Saving a form whose record carries a `version`: the save sends the version last seen; a 409 keeps
 * what was typed and hands back what is saved now (`theirs`) for `ConflictCompare`, from where the
 * person either overwrites (at their version) or takes theirs into the form.
 */
export function useVersionedSave<R extends { version: number }>(opts: {
  /** The version of the record the form was opened on (1 for a new one). */
  version: number;
  save: (version: number) => Promise<R>;
  onSaved: (saved: R) => void | Promise<void>;
}) {
  const [version, setVersion] = useState(opts.version);
  const [theirs, setTheirs] = useState<R | null>(null);
  const mutation = useMutation({
    mutationFn: (at: number) => opts.save(at),
    onSuccess: opts.onSaved,
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) setTheirs(e.current as R);
    },
  });
  return {
    mutation,
    theirs,
    /** Field messages of the last refusal, by dotted path. */
    fields: mutation.error instanceof ApiError ? mutation.error.fieldMap() : ({} as Record<string, string>),
    /** A refusal other than the 409 (shown above the form). */
    otherError: mutation.isError && !theirs ? mutation.error : null,
    submit() {
      setTheirs(null);
      mutation.mutate(version);
    },
    overwrite() {
      if (!theirs) return;
      setVersion(theirs.version);
      setTheirs(null);
      mutation.mutate(theirs.version);
    },
    /** Puts what is saved now into the form (`apply`) and continues from its version. */
    takeTheirs(apply: (current: R) => void) {
      if (!theirs) return;
      apply(theirs);
      setVersion(theirs.version);
      setTheirs(null);
    },
  };
}
