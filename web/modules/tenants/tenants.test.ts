import { describe, expect, it } from 'vitest';
import { describeDetail } from './audit-page';
import { lookupCandidate } from './tenant-new-page';

describe('lookupCandidate', () => {
  it('looks up only 5 or 6 digits, folding full-width digits and separators', () => {
    expect(lookupCandidate('37201')).toBe('37201');
    expect(lookupCandidate('３７２０１３')).toBe('372013');
    expect(lookupCandidate('37-2013')).toBe('372013');
    expect(lookupCandidate('3720')).toBeNull();
    expect(lookupCandidate('高松市')).toBeNull();
  });
});

describe('describeDetail', () => {
  it('renders an audit entry’s detail in Japanese', () => {
    expect(describeDetail({ role: 'sc2' })).toBe('役割：第2層 生活支援コーディネーター');
    expect(describeDetail({ name: { from: '峰野地区', to: '峰野東地区' }, rows: 10 })).toBe(
      '名称：峰野地区 → 峰野東地区、行数：10',
    );
    expect(describeDetail(null)).toBe('');
  });
});
