import { describe, expect, it } from 'vitest';
import { parseRoute, sectionOf } from '../../renderer/src/routes';

describe('round routes', () => {
  it.each([
    ['#/rounds', { name: 'rounds', homeId: null }],
    ['#/rounds?home=2', { name: 'rounds', homeId: 2 }],
    ['#/rounds/new?home=3', { name: 'round-new', homeId: 3 }],
    ['#/rounds/7', { name: 'round', id: 7 }],
    ['#/rounds/7/print', { name: 'round-print', id: 7, document: 'agenda' }],
    ['#/rounds/7/print?document=letters', { name: 'round-print', id: 7, document: 'letters' }],
    ['#/rounds/7/print?document=nonsense', { name: 'not-found' }],
    ['#/rounds/7/outcomes', { name: 'round-outcomes', id: 7 }],
    ['#/rounds/x', { name: 'not-found' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    if (route.name !== 'not-found') expect(sectionOf(parseRoute(hash))).toBe('rounds');
  });
});
