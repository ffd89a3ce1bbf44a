import { Scale } from 'lucide-react';

/*
 * The URL and menu icon of ニーズと地域資源. Kept apart from the page (and light) so that the main
 * menu can use them without loading the module.
 */

/** /t/:tenant/needs-matrix (choices in the query: ?layer=3&fy=2025&map=per1000) */
export const needsMatrixPath = (tenant: string, search?: string) =>
  `/t/${tenant}/needs-matrix${search ? `?${search}` : ''}`;

/** Needs weighed against resources. */
export const NeedsMatrixIcon = Scale;
