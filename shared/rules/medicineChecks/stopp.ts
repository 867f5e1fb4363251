/**
 * More STOPP v3 criteria (`stopp-…`, O'Mahony et al., 2023) that can be decided from the medication list
 * and the problem list, each named in its explanation. (The duration criteria — benzodiazepines over
 * 4 weeks, full-dose PPI over 8 weeks — are `stopp-duration` in reviews.ts.)
 */
import type { DementiaReason } from '../dementia';
import { findingItem, inAnyGroup, listNames, medName, condition, type CheckContext, type Draft, type Finding } from './common';

export const STOPP_RULES = ['stopp-anticholinergic-dementia', 'stopp-nsaid-heart-failure', 'stopp-glitazone-heart-failure',
  'stopp-rate-limiting-ccb-heart-failure', 'stopp-beta-blocker-verapamil', 'stopp-long-acting-sulfonylurea', 'stopp-first-generation-antihistamine'] as const;

const HEART_FAILURE = /heart failure|left ventricular (systolic )?dysfunction/i;

/** A strongly anticholinergic medicine (ACB 3) with dementia. */
export function anticholinergicDementia(c: CheckContext, dementia: DementiaReason | null): Finding | null {
  if (!dementia) return null;
  const meds = c.meds.filter((m) => m.acb >= 3);
  if (meds.length === 0) return null;
  return {
    rule: 'stopp-anticholinergic-dementia', meds, alsoAnsweredBy: ['acb-high'], what: `${listNames(meds.map(medName))} (strongly anticholinergic) with dementia (${dementia.text})`,
    consider: 'reducing or stopping it, or a less anticholinergic alternative — it can worsen memory and confusion (STOPP v3: drugs with anticholinergic properties in dementia or delirium)',
  };
}

function withHeartFailure(c: CheckContext, rule: (typeof STOPP_RULES)[number], meds: Finding['meds'], criterion: string, risk: string): Finding | null {
  const hf = condition(c, HEART_FAILURE);
  if (!hf || meds.length === 0) return null;
  return { rule, meds, what: `${listNames(meds.map(medName))} with ${hf}`, consider: `${risk} (STOPP v3: ${criterion})` };
}

export function nsaidHeartFailure(c: CheckContext): Finding | null {
  return withHeartFailure(c, 'stopp-nsaid-heart-failure', inAnyGroup(c, 'nsaid'), 'NSAIDs in heart failure',
    'stopping the NSAID or another painkiller — NSAIDs hold fluid and can tip heart failure over');
}

export function glitazoneHeartFailure(c: CheckContext): Finding | null {
  return withHeartFailure(c, 'stopp-glitazone-heart-failure', inAnyGroup(c, 'glitazone'), 'thiazolidinediones (pioglitazone) in heart failure',
    'stopping pioglitazone — it holds fluid and worsens heart failure');
}

export function rateLimitingCcbHeartFailure(c: CheckContext): Finding | null {
  return withHeartFailure(c, 'stopp-rate-limiting-ccb-heart-failure', inAnyGroup(c, 'rate-limiting-ccb'), 'verapamil or diltiazem in heart failure',
    'whether verapamil or diltiazem is needed, if the heart failure is with a reduced ejection fraction — they weaken the heart’s pumping');
}

export function betaBlockerVerapamil(c: CheckContext): Finding | null {
  const bb = inAnyGroup(c, 'beta-blocker');
  const ccb = inAnyGroup(c, 'rate-limiting-ccb');
  if (bb.length === 0 || ccb.length === 0) return null;
  const meds = [...bb, ...ccb];
  return {
    rule: 'stopp-beta-blocker-verapamil', meds, what: `${listNames(meds.map(medName))}: a beta-blocker with verapamil or diltiazem`,
    consider: 'whether both are needed, and checking the pulse — together they can cause heart block and a very slow heart rate (STOPP v3: beta-blocker with verapamil or diltiazem)',
  };
}

export function longActingSulfonylurea(c: CheckContext): Finding | null {
  const meds = inAnyGroup(c, 'long-acting-sulfonylurea');
  if (meds.length === 0) return null;
  return {
    rule: 'stopp-long-acting-sulfonylurea', meds, what: `${listNames(meds.map(medName))}: a long-acting sulfonylurea`,
    consider: 'a shorter-acting alternative (such as gliclazide) or relaxing the target — long hypoglycaemia is a risk in older people (STOPP v3: sulfonylureas with a long duration of action)',
  };
}

export function firstGenerationAntihistamine(c: CheckContext): Finding | null {
  const meds = inAnyGroup(c, 'first-generation-antihistamine');
  if (meds.length === 0) return null;
  return {
    rule: 'stopp-first-generation-antihistamine', meds, what: `${listNames(meds.map(medName))}: a sedating (first-generation) antihistamine`,
    consider: 'a non-sedating antihistamine, or stopping it — sedating antihistamines cause drowsiness, confusion and falls (STOPP v3: first-generation antihistamines)',
  };
}

export function stoppItems(c: CheckContext, dementia: DementiaReason | null): (Draft | null)[] {
  return [anticholinergicDementia(c, dementia), nsaidHeartFailure(c), glitazoneHeartFailure(c), rateLimitingCcbHeartFailure(c), betaBlockerVerapamil(c),
    longActingSulfonylurea(c), firstGenerationAntihistamine(c)].map((f) => (f ? findingItem(c, f) : null));
}
