import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in the URL: the query string, and a way to change some of its keys at once
 * (an empty value takes the key out) that replaces the history entry rather than adding one.
 */
export function useSearchPatch() {
  const [search, setSearch] = useSearchParams();
  const patch = (changes: Record<string, string>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes))
      if (v) next.set(k, v);
      else next.delete(k);
    setSearch(next, { replace: true });
  };
  return [search, patch] as const;
}
