/*
 * What this device remembers between visits (the last town, the area and kind used last). Reading
 * and writing never throw: private mode or a full disk refuse localStorage, and remembering is only
 * a convenience.
 */

export function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: remembering is only a convenience.
  }
}
