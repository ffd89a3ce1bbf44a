/** URL and icon of 関係者のつながり, light so that the main menu can use them. */
export const networkPath = (tenant: string) => `/t/${tenant}/network`;

export { Network as NetworkIcon } from 'lucide-react';
