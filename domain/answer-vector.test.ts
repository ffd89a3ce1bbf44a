import { describe, expect, it } from 'vitest';
import { decodeAnswers, encodeAnswers } from './answer-vector';
import { INTEREST_CHECKSHEET } from './interest-checksheet';
import { NEEDS_SURVEY_RISK } from './needs-survey';
import { validateAnswers } from './questionnaire';
import { randomNeedsAnswers, seeded } from './survey-samples';

describe('stored answer vectors', () => {
  it('give back exactly the normalised answers, blanks and numbers included', () => {
    const rand = seeded(7);
    for (let i = 0; i < 200; i++) {
      const v = validateAnswers(NEEDS_SURVEY_RISK, randomNeedsAnswers(rand));
      if (!v.ok) throw new Error('invalid sample');
      expect(decodeAnswers(NEEDS_SURVEY_RISK, encodeAnswers(NEEDS_SURVEY_RISK, v.answers))).toEqual(
        v.answers,
      );
    }
  });

  it('keep a set of marks (興味・関心) as a set', () => {
    const v = validateAnswers(INTEREST_CHECKSHEET, { 'ic.shopping': 'wantToDo,interested' });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const stored = encodeAnswers(INTEREST_CHECKSHEET, v.answers);
    expect(stored.filter((x) => x !== null)).toEqual(['wantToDo,interested']);
    expect(decodeAnswers(INTEREST_CHECKSHEET, stored)).toEqual(v.answers);
  });
});
