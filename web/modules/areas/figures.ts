import type { Snapshot } from '../../../contracts/areas';
import { formatWareki } from '../../../domain/dates';
import { formatCount, formatPercent } from '../../../domain/population';

/** Where a snapshot's figures come from, in words. */
export function sourceLabel(s: Pick<Snapshot, 'source' | 'coveredChildren' | 'totalChildren'>): string {
  return s.source === 'children'
    ? `下位の地域の合計（${s.coveredChildren}/${s.totalChildren} 地域）`
    : 'この地域の値';
}

/**
 * One or two sentences that say what the trend chart shows, for screen readers and for anyone who
 * prefers words: 「高齢化率は令和6年4月1日の39.2%から令和8年4月1日の41.0%へ上がっています。」
 * Figures are compared as displayed, so the words never contradict the numbers beside them.
 */
export function trendSummary(snapshots: readonly Snapshot[]): string {
  const list = [...snapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  if (list.length === 0) return '人口統計はまだありません。';
  const first = list[0]!;
  const last = list[list.length - 1]!;
  if (list.length === 1) {
    const rate = first.agingRate === null ? '' : `高齢化率は${formatPercent(first.agingRate)}、`;
    return `${formatWareki(first.asOf)}の${rate}総人口は${formatCount(first.total)}人です。推移を示すには2時点以上の統計が必要です。`;
  }
  const sentences: string[] = [];
  const withRate = list.filter((s) => s.agingRate !== null);
  if (withRate.length >= 2) {
    const a = withRate[0]!;
    const b = withRate[withRate.length - 1]!;
    const from = formatPercent(a.agingRate);
    const to = formatPercent(b.agingRate);
    if (from === to) {
      sentences.push(
        `高齢化率は${formatWareki(a.asOf)}から${formatWareki(b.asOf)}まで${to}で変わっていません。`,
      );
    } else {
      const verb = b.agingRate! > a.agingRate! ? '上がっています' : '下がっています';
      sentences.push(
        `高齢化率は${formatWareki(a.asOf)}の${from}から${formatWareki(b.asOf)}の${to}へ${verb}。`,
      );
    }
  }
  const from = formatCount(first.total);
  const to = formatCount(last.total);
  if (from === to) {
    sentences.push(
      `総人口は${formatWareki(first.asOf)}から${formatWareki(last.asOf)}まで${to}人で変わっていません。`,
    );
  } else {
    const verb = last.total > first.total ? '増えています' : '減っています';
    sentences.push(
      `総人口は${formatWareki(first.asOf)}の${from}人から${formatWareki(last.asOf)}の${to}人へ${verb}。`,
    );
  }
  return sentences.join('');
}
