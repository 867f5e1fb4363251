/** Severity derivation and the category/severity words care homes use (DOMAIN.md section 1). */
import { describe, expect, it } from 'vitest';
import { canMoveTo, deriveSeverity, isWaiting, parseCategory, parseSeverity } from '../../shared/rules/flags';

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
    ['NEWS2 4 → the category’s own', { category: 'news2' as const, scores: { news2: 4 } }, 'medium'],
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
