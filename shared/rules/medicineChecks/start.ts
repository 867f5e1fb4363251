/**
 * START omissions (`start-…`): a curated subset of START v3 (O'Mahony et al., 2023) that can be decided from
 * a medication list and a problem list. The preventive ones are not applied to residents at the end of life
 * or severely frail (STOPPFrail applies to them instead). Each says what to consider; the prescriber decides.
 */
import { findingItem, inAnyGroup, listNames, medName, condition, type CheckContext, type Draft, type Finding } from './common';

export const START_RULES = ['start-opioid-laxative', 'start-anticoagulant-af', 'start-bone-osteoporosis', 'start-ace-heart-failure'] as const;

/** An opioid (regular or as required) with no laxative. */
export function opioidLaxative(c: CheckContext): Finding | null {
  const opioids = inAnyGroup(c, 'opioid');
  if (opioids.length === 0 || inAnyGroup(c, 'laxative').length > 0) return null;
  return {
    rule: 'start-opioid-laxative', meds: opioids, what: `${listNames(opioids.map(medName))} with no laxative`,
    consider: 'a laxative, unless the resident has loose stools — opioid constipation is common and distressing (START v3: laxatives in patients receiving opioids regularly)',
  };
}

/** Atrial fibrillation on the problem list with no anticoagulant. */
export function anticoagulantAf(c: CheckContext): Finding | null {
  const af = condition(c, /atrial fibrillation|atrial flutter/i);
  if (!af || inAnyGroup(c, 'anticoagulant').length > 0) return null;
  return {
    rule: 'start-anticoagulant-af', meds: [], what: `${af} with no anticoagulant`,
    consider: 'whether an anticoagulant was offered and declined or stopped for a reason (bleeding risk, the resident’s wishes); if not, discussing stroke prevention with the resident and family (START v3: a DOAC or vitamin K antagonist in chronic atrial fibrillation; NICE NG196)',
  };
}

/** Osteoporosis on the problem list with neither a bone treatment nor vitamin D. */
export function boneOsteoporosis(c: CheckContext): Finding | null {
  const found = condition(c, /osteoporo|fragility fracture/i);
  if (!found || inAnyGroup(c, 'bone-antiresorptive', 'vitamin-d').length > 0) return null;
  return {
    rule: 'start-bone-osteoporosis', meds: [], what: `${found} with no bone treatment or vitamin D`,
    consider: 'vitamin D with calcium and a bone treatment, if it fits the resident’s outlook and swallowing (START v3: vitamin D and calcium, and antiresorptive therapy, in known osteoporosis)',
  };
}

/** Heart failure on the problem list with no ACE inhibitor or ARB. */
export function aceHeartFailure(c: CheckContext): Finding | null {
  const found = condition(c, /heart failure|left ventricular (systolic )?dysfunction/i);
  if (!found || inAnyGroup(c, 'ace-inhibitor', 'arb').length > 0) return null;
  return {
    rule: 'start-ace-heart-failure', meds: [], what: `${found} with no ACE inhibitor or angiotensin II receptor blocker`,
    consider: 'whether one was tried and stopped (low blood pressure, kidney function); if the ejection fraction is reduced, an ACE inhibitor or ARB improves symptoms and survival (START v3: ACE inhibitor in systolic heart failure; NICE NG106)',
  };
}

/** The preventive omissions are not raised for residents at the end of life or severely frail; the laxative always is. */
export function startItems(c: CheckContext, frailOrEndOfLife: boolean): (Draft | null)[] {
  const preventive = frailOrEndOfLife ? [] : [anticoagulantAf(c), boneOsteoporosis(c), aceHeartFailure(c)];
  return [opioidLaxative(c), ...preventive].map((f) => (f ? findingItem(c, f) : null));
}
