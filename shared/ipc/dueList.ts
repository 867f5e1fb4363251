/** The paged due lists (Reviews, Care plans): one query shape, each list with its own statuses to filter by. */
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, DUE_LIST_SORTS, MAX_PAGE_SIZE } from '../domain/lists';
import { id } from './register';

export function dueListQuery<const S extends readonly [string, ...string[]]>(statuses: S) {
  return z.object({
    homeId: id.optional(),
    query: z.string().trim().max(100).optional(),
    status: z.enum(statuses).optional(),
    rule: z.string().trim().min(1).max(60).optional(),
    sort: z.enum(DUE_LIST_SORTS).default('pressing'),
    descending: z.boolean().default(false),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  }).strict();
}
