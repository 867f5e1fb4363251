/** Severity derivation and the category/severity words care homes use (docs/clinical-rules.md, flags). */
import { describe, expect, it } from 'vitest';
import { canMoveTo, deriveSeverity, isWaiting, mentionsHeadInjury, news2FromText, parseCategory, parseSeverity } from '../../shared/rules/flags';

describe('category words', () => {
  it.each([
    ['Fall', 'fall'], ['falls', 'fall'], ['fell', 'fall'], ['Found on floor', 'fall'], ['Weight loss', 'weight-loss'], ['NEWS2', 'news2'],
    ['UTI', 'infection'], ['Pressure ulcer', 'skin'], ['Delirium', 'confusion'], ['Eating & drinking', 'eating-drinking'],
    ['End-of-life', 'end-of-life'], ['Family concern', 'family-concern'], ['back from hospital', 'discharge'], ['BEHAVIOR', 'behaviour'],
  ])('"%s" is %s', (word, category) => {
    expect(parseCategory(word).category).toBe(category);
  });

  it('keeps an unknown word as "other" with the original', () => {
    expect(parseCategory('Hearing aid lost')).toEqual({ category: 'other', original: 'Hearing aid lost', recognised: false });
  });
});

describe('severity words', () => {
  it.each([['Escalate now', 'escalate-now'], ['URGENT', 'urgent'], ['amber', 'high'], ['Moderate', 'medium'], ['low', 'routine'], ['', null], ['whenever', null]])(
    '"%s" is %s', (word, severity) => expect(parseSeverity(word)).toBe(severity));
});

describe('severity derivation', () => {
  it.each([
    ['NEWS2 5 → escalate-now', { category: 'news2' as const, scores: { news2: 5 } }, 'escalate-now'],
    ['NEWS2 7 → escalate-now', { category: 'soft-signs' as const, scores: { news2: 7 } }, 'escalate-now'],
    ['NEWS2 4 → high', { category: 'news2' as const, scores: { news2: 4 } }, 'high'],
    ['NEWS2 0 → the category’s own', { category: 'news2' as const, scores: { news2: 0 } }, 'medium'],
    ['a parameter scoring 3 → escalate-now', { category: 'news2' as const, scores: { news2: 3, news2Parameter3: true } }, 'escalate-now'],
    ['suspected sepsis in the details → escalate-now', { category: 'infection' as const, text: 'Hot, fast breathing, ?sepsis' }, 'escalate-now'],
    ['"no signs of sepsis" does not escalate', { category: 'infection' as const, text: 'Chesty cough, no signs of sepsis' }, 'high'],
    ['4AT 4 → urgent', { category: 'other' as const, scores: { fourAt: 4 } }, 'urgent'],
    ['4AT 3 → category', { category: 'other' as const, scores: { fourAt: 3 } }, 'medium'],
    ['MUST 2 → high', { category: 'eating-drinking' as const, scores: { must: 2 } }, 'high'],
    ['MUST 1 → category', { category: 'eating-drinking' as const, scores: { must: 1 } }, 'medium'],
    ['fall → high', { category: 'fall' as const }, 'high'],
    ['discharge → urgent', { category: 'discharge' as const }, 'urgent'],
    ['family concern → medium', { category: 'family-concern' as const }, 'medium'],
    ['a given severity raises', { category: 'pain' as const, given: 'urgent' as const }, 'urgent'],
    ['a given severity never lowers a score', { category: 'news2' as const, scores: { news2: 6 }, given: 'routine' as const }, 'escalate-now'],
  ])('H9: %s', (_label, input, expected) => {
    const decision = deriveSeverity(input);
    expect(decision.severity).toBe(expected);
    expect(decision.reason).not.toBe('');
  });
});

describe('H15: deterioration is not under-rated', () => {
  it.each([
    ['NEWS2 6', 6], ['NEWS 6', 6], ['news2=6', 6], ['Unwell today, NEWS2 score of 7 at 10:00', 7], ['news2: 5', 5], ['NEWS-2 6/20 at 09:00', 6],
  ])('H15: reads "%s" written in the details as NEWS2 %i', (text, score) => {
    expect(news2FromText(text)?.score).toBe(score);
  });

  it.each([['NEWS2 not done'], ['NEWS2 0-4 is medium'], ['newsletter 5 sent'], ['no NEWS recorded']])('H15: "%s" carries no NEWS2 score', (text) => {
    expect(news2FromText(text)).toBeNull();
  });

  it('H15: NEWS2 6 written only in the details is escalate-now, as a same-day clinical review, quoting the words', () => {
    const d = deriveSeverity({ category: 'other', text: 'Chesty, not herself. NEWS2 6 at 10am' });
    expect(d).toMatchObject({ severity: 'escalate-now', response: 'same-day-review' });
    expect(d.reason).toContain('“NEWS2 6”');
    expect(d.reason).toMatch(/same-day clinical review/);
  });

  it('H15: NEWS2 7 or more is an emergency response (999/111 now), told apart from 5–6', () => {
    const seven = deriveSeverity({ category: 'news2', scores: { news2: 7 } });
    expect(seven).toMatchObject({ severity: 'escalate-now', response: 'emergency' });
    expect(seven.reason).toMatch(/999/);
    expect(deriveSeverity({ category: 'news2', text: 'news2=9' }).response).toBe('emergency');
    expect(deriveSeverity({ category: 'news2', scores: { news2: 5 } }).response).toBe('same-day-review');
  });

  it('H15: the score column wins over the words, and a column score of 1–4 is high', () => {
    expect(deriveSeverity({ category: 'news2', scores: { news2: 3 }, text: 'was NEWS2 6 yesterday' })).toMatchObject({ severity: 'high', response: null });
  });

  it.each([
    ['soft signs with no score', { category: 'soft-signs' as const, text: 'Just not herself' }, 'high'],
    ['drowsy, written under "other"', { category: 'other' as const, text: 'Very drowsy this morning' }, 'high'],
    ['not eating or drinking', { category: 'eating-drinking' as const, text: 'Not eating or drinking since Tuesday' }, 'high'],
    ['breathless', { category: 'other' as const, text: 'More breathless on the stairs' }, 'high'],
    ['new confusion in a soft-signs flag', { category: 'soft-signs' as const, text: 'New confusion since last night' }, 'urgent'],
    ['"no new confusion" is not confusion', { category: 'other' as const, text: 'Settled, no new confusion' }, 'medium'],
  ])('H15: RESTORE2 %s → %s', (_label, input, expected) => {
    expect(deriveSeverity(input).severity).toBe(expected);
  });

  it.each([['Fell in the lounge, hit her head on the table'], ['Found on floor. Head injury, small cut'], ['Fall: bump to the head']])(
    'H15: a fall with a head injury ("%s") is urgent, escalate-now on an anticoagulant', (text) => {
      expect(mentionsHeadInjury(text)).toBe(true);
      expect(deriveSeverity({ category: 'fall', text }).severity).toBe('urgent');
      const thinned = deriveSeverity({ category: 'fall', text, anticoagulants: ['Apixaban'] });
      expect(thinned.severity).toBe('escalate-now');
      expect(thinned.reason).toMatch(/Apixaban.*same-day assessment/);
    });

  it('H15: "no head injury" keeps a fall high', () => {
    expect(deriveSeverity({ category: 'fall', text: 'Slid to the floor, no head injury', anticoagulants: ['Warfarin'] }).severity).toBe('high');
  });

  it('H15: the home’s own severity is kept in the words and the derived one is never lower', () => {
    const d = deriveSeverity({ category: 'news2', text: 'NEWS2 8', given: 'medium' });
    expect(d.severity).toBe('escalate-now');
    expect(d.reason).toMatch(/care home rated it medium/);
    expect(deriveSeverity({ category: 'pain', given: 'escalate-now' }).severity).toBe('escalate-now');
  });
});

describe('lifecycle', () => {
  it('moves open → on agenda → addressed → closed, never back from closed', () => {
    expect(canMoveTo('open', 'on-agenda')).toBe(true);
    expect(canMoveTo('on-agenda', 'addressed')).toBe(true);
    expect(canMoveTo('addressed', 'closed')).toBe(true);
    expect(canMoveTo('closed', 'open')).toBe(false);
    expect(canMoveTo('addressed', 'open')).toBe(false);
  });

  it('lists an open flag older than a weekly round cycle as waiting', () => {
    expect(isWaiting({ status: 'open', raisedOn: '2026-11-15' }, '2026-11-23')).toBe(true);
    expect(isWaiting({ status: 'open', raisedOn: '2026-11-16' }, '2026-11-23')).toBe(false);
    expect(isWaiting({ status: 'on-agenda', raisedOn: '2026-10-01' }, '2026-11-23')).toBe(false);
  });
});
