import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PrintView } from '../../renderer/src/print/PrintDocuments';
import { SessionView } from '../../renderer/src/print/SessionDocuments';
import type { Round } from '../../shared/domain/round';
import { buildPrintDocument, buildSessionDocument, kindTopics, SESSION_TITLES } from '../../shared/print';
import { flagReasons } from '../../shared/rules/roundReasons';
import { RULE_LABELS, ruleLabel } from '../../shared/rules/ruleLabels';
import { makeRepresentative, makeSnapshot } from '../helpers/snapshots';

const plan = (id: number, element: 'respect' | 'dnacpr', value: string, recordedOn: string) =>
  ({ id, element, value, details: {}, recordedOn, reviewDue: null, participants: {}, source: 'test', supersededBy: null });

function roundOf(items: { id: number; residentId: number; start: string; reps?: number[] }[]): Round {
  return {
    id: 1, homeId: 1, homeName: 'Test Lodge', date: '2026-11-24', startTime: '10:00', clinicians: ['Dr Asha Patel'], capacityMinutes: 120, status: 'planning',
    plan: { notThisWeek: [], escalations: [] }, removed: [], createdAt: '', updatedAt: '',
    items: items.map((i, n) => ({
      id: i.id, roundId: 1, residentId: i.residentId, position: n + 1, start: i.start, minutes: 20, notes: null, version: 1, removedAt: null, removedReason: null,
      reasons: [{ residentId: i.residentId, rule: 'acp-review', due: '2026-11-01', status: 'due', explanation: 'Talk about what she would want', minutes: 20 }],
      questions: [], attendees: { resident: { attending: true, note: null }, careStaff: null,
        representatives: (i.reps ?? []).map((id) => ({ representativeId: id, name: `Rep ${id}`, relationship: 'son', how: 'phone' as const, status: 'invited' as const, proposed: true, why: null })) },
    })),
  };
}

describe('print documents', () => {
  it('H4: shows the CPR status from the shared rule: a conflict in red, and "no decision recorded" when there is none', () => {
    const conflicted = makeSnapshot(1, { givenName: 'Ada' }, { carePlans: [plan(1, 'respect', 'for-cpr', '2026-01-01'), plan(2, 'dnacpr', 'in-place', '2026-02-01')] });
    const none = makeSnapshot(2, { givenName: 'Bert', nhsNumber: '9876543210' });
    const doc = buildPrintDocument({ round: roundOf([{ id: 1, residentId: 1, start: '10:00' }, { id: 2, residentId: 2, start: '10:20' }]), homeType: 'nursing',
      homeAddress: null, homePhone: null, practiceName: 'Riverside', snapshots: [conflicted, none], outcomes: [], today: '2026-11-23' });
    const html = renderToStaticMarkup(createElement(PrintView, { doc, kind: 'agenda' }));
    expect(html).toMatch(/<p class="rt-cpr rt-cpr--conflict">CPR: CPR decisions conflict/);
    expect(html).toContain('CPR: no decision recorded');
    expect(html).toContain('987 654 3210');
    expect(html).toContain('page-break-inside: avoid');
    expect(html).toContain('Page " counter(page) " of " counter(pages)');
    expect(doc.sections[0]?.carePlanGaps).toEqual(['Advance care plan review (due 01/11/2026)']);
  });

  it('H12: the printed cover says over by N minutes and marks the residents who must be seen', () => {
    const round = roundOf([{ id: 1, residentId: 1, start: '10:10' }, { id: 2, residentId: 2, start: '10:30' }]);
    const over = { ...round, capacityMinutes: 40, plan: { ...round.plan, huddleMinutes: 10, overByMinutes: 10, mustSee: [{ residentId: 1, why: 'Urgent concern from the home' }] } };
    const doc = buildPrintDocument({ round: over, homeType: 'nursing', homeAddress: null, homePhone: null, practiceName: 'Riverside',
      snapshots: [makeSnapshot(1, { givenName: 'Ada' }), makeSnapshot(2, { givenName: 'Bert', nhsNumber: '9876543210' })], outcomes: [], today: '2026-11-23' });
    expect(doc.overByMinutes).toBe(10);
    expect(doc.sections.map((x) => x.mustSee)).toEqual(['Urgent concern from the home', null]);
    const html = renderToStaticMarkup(createElement(PrintView, { doc, kind: 'agenda' }));
    expect(html).toContain('<strong>Over by 10 minutes</strong>');
    expect(html).toContain('<strong>Must see: </strong>Ada Family001');
    expect(html.match(/Must see: /g)).toHaveLength(1);
    const within = buildPrintDocument({ round, homeType: 'nursing', homeAddress: null, homePhone: null, practiceName: 'Riverside', snapshots: [makeSnapshot(1)], outcomes: [], today: '2026-11-23' });
    expect(within.overByMinutes).toBe(0);
    expect(renderToStaticMarkup(createElement(PrintView, { doc: within, kind: 'agenda' }))).not.toContain('Over by');
  });

  it('H5: builds each letter from its own resident only', () => {
    const ada = makeSnapshot(1, { givenName: 'Ada', familyName: 'Lovelace' }, { representatives: [makeRepresentative(7, 1)] });
    const bert = makeSnapshot(2, { givenName: 'Bert', familyName: 'Jansch', nhsNumber: '9876543210' }, { representatives: [makeRepresentative(8, 2)] });
    const doc = buildPrintDocument({ round: roundOf([{ id: 1, residentId: 1, start: '10:00', reps: [7] }, { id: 2, residentId: 2, start: '10:20', reps: [8] }]),
      homeType: 'residential', homeAddress: null, homePhone: null, practiceName: 'Riverside', snapshots: [ada, bert], outcomes: [], today: '2026-11-23' });
    expect(doc.letters.map((l) => [l.to, l.residentFirstName, l.time])).toEqual([['Rep 7', 'Ada', '10:00'], ['Rep 8', 'Bert', '10:20']]);
    for (const letter of doc.letters) {
      const html = renderToStaticMarkup(createElement(PrintView, { doc, kind: 'letters', letters: [letter] }));
      const other = letter.residentFirstName === 'Ada' ? bert : ada;
      expect(html).not.toContain(other.resident.givenName);
      expect(html).not.toContain(other.resident.familyName);
      expect(html).not.toContain('987 654 3210');
      expect(html).toContain('We will telephone you at about');
    }
  });

  it('words the letter’s topics kindly, without clinical detail', () => {
    expect(kindTopics([{ residentId: 1, rule: 'acp-missing', due: '', status: 'due', explanation: 'No ReSPECT form', minutes: 20 },
      { residentId: 1, rule: 'monitoring-lithium', due: '', status: 'due', explanation: 'Lithium level due', minutes: 10 }], 'Mary', 'female'))
      .toEqual(['what matters most to Mary, and what she would want if she became more unwell', 'Mary’s medicines, to make sure they still help her']);
  });

  it('a family concern the home rated urgent also counts as an urgent flag', () => {
    const s = makeSnapshot(1, {}, { flags: [{ id: 1, raisedOn: '2026-11-20', raisedBy: 'Son', category: 'family-concern', severity: 'urgent', status: 'open', text: 'Not eating', scores: {} }] });
    expect(flagReasons(s, '2026-11-23').map((r) => r.rule)).toEqual(['flag-urgent']);
  });
});

describe('letters to families', () => {
  it('H16: never writes a letter to a relative who prefers not to join, even one marked invited by hand', () => {
    const ada = makeSnapshot(1, { givenName: 'Ada', familyName: 'Lovelace' }, { representatives: [makeRepresentative(7, 1), makeRepresentative(8, 1, { preferredContact: 'not' })] });
    const doc = buildPrintDocument({ round: roundOf([{ id: 1, residentId: 1, start: '10:00', reps: [7, 8] }]), homeType: 'residential', homeAddress: null, homePhone: null,
      practiceName: 'Riverside', snapshots: [ada], outcomes: [], today: '2026-11-23' });
    expect(doc.letters.map((l) => l.to)).toEqual(['Rep 7']);
  });

  it('carries the practice’s name, address and phone, the date, a named sender, long dates and one marking', () => {
    const ada = makeSnapshot(1, { givenName: 'Adelaide', familyName: 'Lovelace', preferredName: 'Ada' }, { representatives: [makeRepresentative(7, 1)] });
    const doc = buildPrintDocument({ round: roundOf([{ id: 1, residentId: 1, start: '10:00', reps: [7] }]), homeType: 'residential', homeAddress: null, homePhone: null,
      practiceName: 'Riverside', practice: { name: 'Riverside Surgery', address: '1 River Street, Anytown, AN1 1AA', phone: '01632 960000', email: null, sender: 'Sam Okoro, care co-ordinator' },
      snapshots: [ada], outcomes: [], today: '2026-11-23' });
    const html = renderToStaticMarkup(createElement(PrintView, { doc, kind: 'letters' }));
    for (const text of ['Riverside Surgery', '1 River Street', '01632 960000', 'Monday 23 November 2026', 'Tuesday 24 November 2026 at 10:00', 'Sam Okoro, care co-ordinator', 'join Ada’s review'])
      expect(html).toContain(text);
    expect(html.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(1);
  });
});

describe('words for people in every print', () => {
  it('no rule id appears in the visible text of the agenda, the letters or the summary; each reason reads as its one label', () => {
    const rules = Object.keys(RULE_LABELS);
    const ada = makeSnapshot(1, { givenName: 'Ada', familyName: 'Lovelace' }, { representatives: [makeRepresentative(7, 1)] });
    const round = roundOf([{ id: 1, residentId: 1, start: '10:00', reps: [7] }]);
    const item = round.items[0];
    if (!item) throw new Error('no item');
    item.reasons = rules.map((rule) => ({ residentId: 1, rule, due: '2026-11-01', status: 'due' as const, explanation: 'Explained in words.', minutes: 10 }));
    const doc = buildPrintDocument({ round, homeType: 'nursing', homeAddress: null, homePhone: null, practiceName: 'Riverside', snapshots: [ada], today: '2026-11-23',
      outcomes: [{ id: 1, agendaItemId: 1, residentId: 1, decision: 'Carry on', action: null, owner: null, dueDate: null, status: 'open', flagIds: [] } as never] });
    const visible = (kind: 'agenda' | 'letters' | 'summary') => renderToStaticMarkup(createElement(PrintView, { doc, kind }))
      .replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
    const ruleId = new RegExp(`(?<![\\w-])(${rules.map((r) => r.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);
    const agenda = visible('agenda');
    for (const kind of ['agenda', 'letters', 'summary'] as const) expect(visible(kind), kind).not.toMatch(ruleId);
    for (const rule of ['flag-escalate-now', 'acp-review', 'smr', 'stopp-duration']) expect(agenda).toContain(ruleLabel(rule));
    expect(doc.summary[0]?.practiceRecord).not.toMatch(ruleId);
    expect(doc.summary[0]?.practiceRecord).toContain('Reasons: Escalate now: follow-up; Urgent concern from the home;');
  });
});

describe('the lists beside the round, printed', () => {
  const practice = { name: 'Riverside Surgery', address: '1 River Street', phone: '01632 960000', email: null, sender: 'Sam Okoro, care co-ordinator' };
  const item = (residentId: number, name: string, rules: string[]) => ({ residentId, name, nhsNumber: '9434765919', minutes: 0, fits: true,
    reasons: rules.map((rule) => ({ residentId, rule, due: '2026-11-01', status: 'due' as const, explanation: `Explained in words for ${name}.`, minutes: 5 })) });
  const visible = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');
  const ruleId = new RegExp(`(?<![\\w-])(${Object.keys(RULE_LABELS).map((r) => r.replace(/-/g, '\\-')).join('|')})(?![\\w-])`);

  it('H12: each list prints the residents with the same explained reasons as the round, each reason as its one label, never a rule id', () => {
    for (const [session, rules] of [['tasks', ['monitoring-lithium', 'monitoring-warfarin']], ['pharmacist', ['smr-annual', 'stopp-duration']],
      ['care-planning', ['acp-review', 'ppd-missing']]] as const) {
      const doc = buildSessionDocument({ session, homeName: 'Test Lodge', date: '2026-11-24', today: '2026-11-23', practice, pharmacistMinutes: 60,
        items: [item(1, 'Ada Lovelace', [...rules])], snapshots: [makeSnapshot(1, { givenName: 'Ada', familyName: 'Lovelace', room: '12' })] });
      const text = visible(renderToStaticMarkup(createElement(SessionView, { doc })));
      expect(text, session).not.toMatch(ruleId);
      for (const rule of rules) expect(text).toContain(ruleLabel(rule));
      expect(text).toContain('Explained in words for Ada Lovelace.');
      expect(text).toContain('943 476 5919');
      expect(text).toContain(SESSION_TITLES[session]);
    }
  });

  it('H12: the care-planning list brings a letter to each representative asking for a 30–45 minute conversation, never to one who prefers not to join', () => {
    const ada = makeSnapshot(1, { givenName: 'Ada', familyName: 'Lovelace', preferredName: 'Addie' }, {
      representatives: [{ ...makeRepresentative(7, 1), name: 'Rose Lovelace' }, { ...makeRepresentative(8, 1), name: 'Tom Lovelace', preferredContact: 'not' }] });
    const doc = buildSessionDocument({ session: 'care-planning', homeName: 'Test Lodge', date: '2026-11-24', today: '2026-11-23', practice, pharmacistMinutes: 0,
      items: [item(1, 'Ada Lovelace', ['acp-review'])], snapshots: [ada] });
    expect(doc.letters.map((l) => l.to)).toEqual(['Rose Lovelace']);
    const html = renderToStaticMarkup(createElement(SessionView, { doc }));
    const text = visible(html);
    for (const words of ['Dear Rose Lovelace', 'We would like to arrange a conversation of 30–45 minutes about Addie’s care', 'Riverside Surgery', '01632 960000',
      'Monday 23 November 2026', 'Sam Okoro, care co-ordinator', 'what matters most to Addie']) expect(text).toContain(words);
    expect(text).not.toContain('Tom Lovelace');
    expect(text).not.toMatch(ruleId);
    // one marking on the letter: the running header (margin boxes) carries it, not the letter's own text
    const letter = html.slice(html.indexOf('aria-label="Letter to Rose Lovelace"'));
    expect(letter).not.toContain('OFFICIAL-SENSITIVE');
    expect(html.match(/OFFICIAL-SENSITIVE: personal/g)?.length).toBe(2); // the list page's own marking, and the running header
    // the tasks list has no letters
    expect(buildSessionDocument({ ...doc, session: 'tasks', items: [], snapshots: [ada], today: '2026-11-23', pharmacistMinutes: 0 }).letters).toEqual([]);
  });
});
