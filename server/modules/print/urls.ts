/** Addresses of printed matter, in one place so that pages, tests and docs agree. */
export const printUrl = {
  prints: (t: string) => `/t/${t}/prints`,
  booklet: (t: string) => `/t/${t}/prints/booklet`,
  bookletPdf: (t: string, q: { area?: string; size?: string; large?: boolean } = {}) => {
    const p = new URLSearchParams();
    if (q.area) p.set('area', q.area);
    if (q.size) p.set('size', q.size);
    if (q.large) p.set('large', '1');
    const s = p.toString();
    return `/t/${t}/prints/booklet.pdf${s ? `?${s}` : ''}`;
  },
  calendar: (t: string) => `/t/${t}/prints/calendar.pdf`,
  sheet: (t: string, areaId: string) => `/t/${t}/prints/areas/${areaId}/sheet.pdf`,
  job: (t: string, id: string) => `/t/${t}/prints/jobs/${id}`,
  jobFile: (t: string, id: string) => `/t/${t}/prints/jobs/${id}/file`,
};
