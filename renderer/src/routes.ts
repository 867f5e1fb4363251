/** The app's routes and how a hash (#/residents/12/edit) reads as one. Pure, so it is unit-tested. */

export type Section = 'homes' | 'residents' | 'flags' | 'reviews' | 'care-plans' | 'rounds' | 'reports';
export type PlaceholderSection = Exclude<Section, 'homes' | 'residents' | 'reports'>;

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
  | { name: 'reports' }
  | { name: 'audit'; residentId: number | null }
  | { name: 'backups' }
  | { name: 'placeholder'; section: PlaceholderSection }
  | { name: 'not-found' };

const PLACEHOLDERS: readonly PlaceholderSection[] = ['flags', 'reviews', 'care-plans', 'rounds'];

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
      if (third !== 'representatives') return { name: 'not-found' };
      if (fourth === 'new' && parts.length === 4) return { name: 'representative-new', residentId: id };
      const repId = toId(fourth);
      if (repId !== null && parts.length === 5 && fifth === 'edit') return { name: 'representative-edit', residentId: id, id: repId };
      if (repId !== null && parts.length === 5 && fifth === 'remove') return { name: 'representative-remove', residentId: id, id: repId };
      return { name: 'not-found' };
    }
    case 'reports':
      return parts.length === 1 ? { name: 'reports' } : { name: 'not-found' };
    case 'audit':
      return parts.length === 1 ? { name: 'audit', residentId: toId(query.get('resident') ?? undefined) } : { name: 'not-found' };
    case 'backups':
      return parts.length === 1 ? { name: 'backups' } : { name: 'not-found' };
    default: {
      const section = PLACEHOLDERS.find((s) => s === first);
      return section && parts.length === 1 ? { name: 'placeholder', section } : { name: 'not-found' };
    }
  }
}

/** Which primary navigation item a route belongs to. */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'homes': case 'home-new': case 'home-edit': return 'homes';
    case 'placeholder': return route.section;
    case 'reports': return 'reports';
    case 'audit': case 'backups': case 'not-found': return null;
    default: return 'residents';
  }
}
