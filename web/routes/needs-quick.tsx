import { LazyPage, QuickCapturePage } from './needs-lazy';

/** /app/t/:tenant/needs/quick (?resident= to record for a registered resident) */
export function NeedsQuickRoute() {
  return (
    <LazyPage>
      <QuickCapturePage />
    </LazyPage>
  );
}
