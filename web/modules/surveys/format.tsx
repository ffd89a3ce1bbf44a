import { BadgeCheck, BookOpen, CircleHelp, TriangleAlert } from 'lucide-react';
import { CONFIDENCE_LABEL, type Confidence } from '../../../domain/questionnaire';

const ICON = {
  verified: BadgeCheck,
  secondary: BookOpen,
  unverified: CircleHelp,
  conflict: TriangleAlert,
} as const;

const EXPLAIN: Record<Confidence, string> = {
  verified: '公式の文書、または複数の資料で確かめました。',
  secondary: '市町村のページなど、公式でない資料でだけ確かめました。',
  unverified: 'まだ公式の資料で確かめていません。町で確かめてから使ってください。',
  conflict: '資料によって決まりが違います。どちらを使うか町で決めてください。',
};

/** How far a questionnaire or a rule can be trusted: icon, colour and the word (never colour alone). */
export function ConfidenceBadge({ level }: { level: Confidence }) {
  const Icon = ICON[level];
  return (
    <span className={`badge confidence confidence--${level}`} title={EXPLAIN[level]}>
      <Icon aria-hidden="true" size={14} />
      {CONFIDENCE_LABEL[level]}
    </span>
  );
}

/** The sentence behind a confidence badge. */
export function confidenceExplanation(level: Confidence): string {
  return EXPLAIN[level];
}

/** 'リスク' or 'できていること': what 該当 means for a rule. */
export function meaningLabel(meaning: 'risk' | 'positive'): string {
  return meaning === 'risk' ? '該当は心配なこと' : '該当はできていること';
}

/** '1,234人' */
export function people(n: number): string {
  return `${n.toLocaleString('ja-JP')}人`;
}
