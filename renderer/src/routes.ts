/** The app's routes and how a hash (#/residents/12/edit) reads as one. Pure, so it is unit-tested. */
import { isMedicationRule, type MedicationRule } from '../../shared/rules/reviews';

export type Section = 'homes' | 'residents' | 'flags' | 'reviews' | 'care-plans' | 'rounds' | 'reports' | 'import';

export type Route =
  | { name: 'homes' }
  | { name: 'home-new' }
  | { name: 'home-edit'; id: number }
  | { name: 'residents'; homeId: number | null }
  | { name: 'resident-new'; homeId: number | null }
  | { name: 'resident'; id: number }
  | { name: 'resident-edit'; id: number }
  | { name: 'representative-new'; residentId: number }
  | { name: 'representative-edit'; residentId: number; id: number }
  | { name: 'representative-remove'; residentId: number; id: number }
  | { name: 'import' }
  | { name: 'flags'; tab: 'flags' | 'unmatched' }
  | { name: 'flag-new'; homeId: number | null; residentId: number | null }
  | { name: 'flag'; id: number }
  | { name: 'reviews'; homeId: number | null }
  | { name: 'review-record'; residentId: number; rule: MedicationRule }
  | { name: 'settings' }
  | { name: 'care-plans' }
  | { name: 'care-plan-new'; residentId: number; element: string | null }
  | { name: 'rounds'; homeId: number | null }
  | { name: 'round-new'; homeId: number | null }
  | { name: 'round'; id: number }
  | { name: 'round-print'; id: number; document: 'agenda' | 'letters' | 'summary' }
  | { name: 'round-outcomes'; id: number }
  | { name: 'reports' }
  | { name: 'audit'; residentId: number | null }
  | { name: 'backups' }
  | { name: 'not-found' };

const PRINT_DOCUMENTS = ['agenda', 'letters', 'summary'] as const;

function toId(value: string | undefined): number | null {
  return value !== undefined && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null;
}

/** Reads "#/residents/12/edit?x=1" into a Route. */
export function parseRoute(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean);
  const query = new URLSearchParams(queryPart);
  const [first, second, third, fourth, fifth] = parts;
  const id = toId(second);
  switch (first) {
    case undefined:
    case 'homes':
      if (parts.length <= 1) return { name: 'homes' };
      if (second === 'new' && parts.length === 2) return { name: 'home-new' };
      if (id !== null && third === 'edit' && parts.length === 3) return { name: 'home-edit', id };
      return { name: 'not-found' };
    case 'residents': {
      const homeId = toId(query.get('home') ?? undefined);
      if (parts.length === 1) return { name: 'residents', homeId };
      if (second === 'new' && parts.length === 2) return { name: 'resident-new', homeId };
      if (id === null) return { name: 'not-found' };
      if (parts.length === 2) return { name: 'resident', id };
      if (third === 'edit' && parts.length === 3) return { name: 'resident-edit', id };
      if (third === 'care-plan' && fourth === 'new' && parts.length === 4) return { name: 'care-plan-new', residentId: id, element: query.get('element') };
      if (third !== 'representatives') return { name: 'not-found' };
      if (fourth === 'new' && parts.length === 4) return { name: 'representative-new', residentId: id };
      const repId = toId(fourth);
      if (repId !== null && parts.length === 5 && fifth === 'edit') return { name: 'representative-edit', residentId: id, id: repId };
      if (repId !== null && parts.length === 5 && fifth === 'remove') return { name: 'representative-remove', residentId: id, id: repId };
      return { name: 'not-found' };
    }
    case 'import':
      return parts.length === 1 ? { name: 'import' } : { name: 'not-found' };
    case 'flags': {
      if (parts.length === 1) return { name: 'flags', tab: 'flags' };
      if (second === 'unmatched' && parts.length === 2) return { name: 'flags', tab: 'unmatched' };
      if (second === 'new' && parts.length === 2) {
        return { name: 'flag-new', homeId: toId(query.get('home') ?? undefined), residentId: toId(query.get('resident') ?? undefined) };
      }
      if (id !== null && parts.length === 2) return { name: 'flag', id };
      return { name: 'not-found' };
    }
    case 'reviews': {
      if (parts.length === 1) return { name: 'reviews', homeId: toId(query.get('home') ?? undefined) };
      const residentId = toId(third);
      if (second === 'record' && residentId !== null && fourth !== undefined && isMedicationRule(fourth) && parts.length === 4) return { name: 'review-record', residentId, rule: fourth };
      return { name: 'not-found' };
    }
    case 'settings':
      return parts.length === 1 ? { name: 'settings' } : { name: 'not-found' };
    case 'care-plans':
      return parts.length === 1 ? { name: 'care-plans' } : { name: 'not-found' };
    case 'rounds': {
      const homeId = toId(query.get('home') ?? undefined);
      if (parts.length === 1) return { name: 'rounds', homeId };
      if (second === 'new' && parts.length === 2) return { name: 'round-new', homeId };
      if (id === null) return { name: 'not-found' };
      if (parts.length === 2) return { name: 'round', id };
      if (third === 'outcomes' && parts.length === 3) return { name: 'round-outcomes', id };
      if (third === 'print' && parts.length === 3) {
        const document = PRINT_DOCUMENTS.find((d) => d === (query.get('document') ?? 'agenda'));
        return document ? { name: 'round-print', id, document } : { name: 'not-found' };
      }
      return { name: 'not-found' };
    }
    case 'reports':
      return parts.length === 1 ? { name: 'reports' } : { name: 'not-found' };
    case 'audit':
      return parts.length === 1 ? { name: 'audit', residentId: toId(query.get('resident') ?? undefined) } : { name: 'not-found' };
    case 'backups':
      return parts.length === 1 ? { name: 'backups' } : { name: 'not-found' };
    default:
      return { name: 'not-found' };
  }
}

/** Which primary navigation item a route belongs to. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'homes': case 'home-new': case 'home-edit': return 'homes';
    case 'flags': case 'flag-new': case 'flag': return 'flags';
    case 'import': return 'import';
    case 'reviews': case 'review-record': return 'reviews';
    case 'settings': return null;
    case 'care-plans': return 'care-plans';
    case 'rounds': case 'round-new': case 'round': case 'round-print': case 'round-outcomes': return 'rounds';
    case 'reports': return 'reports';
    case 'audit': case 'backups': case 'not-found': return null;
    default: return 'residents';
  }
}
