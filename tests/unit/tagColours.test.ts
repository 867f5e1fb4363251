/** One colour, one meaning: how pressing, where in the lifecycle, waiting and the environment never share a tag colour. */
import { describe, expect, it } from 'vitest';
import {
  DUE_TAGS, ENVIRONMENT_TAG, FLAG_STATUS_TAGS, RESIDENT_STATUS_TAGS, ROUND_STATUS_TAGS, SEVERITY_TAGS, WAITING_TAG,
} from '../../renderer/src/components/tagColours';

describe('tag colours', () => {
  const pressing = new Set([...Object.values(SEVERITY_TAGS), ...Object.values(DUE_TAGS)]);
  const lifecycle = new Set([...Object.values(FLAG_STATUS_TAGS), ...Object.values(RESIDENT_STATUS_TAGS), ...Object.values(ROUND_STATUS_TAGS)]);

  it('gives each severity its own colour, escalate-now the only solid red', () => {
    expect(new Set(Object.values(SEVERITY_TAGS)).size).toBe(Object.keys(SEVERITY_TAGS).length);
    expect(SEVERITY_TAGS['escalate-now']).toBe('app-tag--escalate');
  });

  it('never uses a colour of urgency for a status, for waiting or for the environment', () => {
    for (const colour of lifecycle) expect(pressing.has(colour), colour).toBe(false);
    expect(pressing.has(WAITING_TAG) || lifecycle.has(WAITING_TAG)).toBe(false);
    expect(pressing.has(ENVIRONMENT_TAG) || lifecycle.has(ENVIRONMENT_TAG) || new Set<string>([WAITING_TAG]).has(ENVIRONMENT_TAG)).toBe(false);
  });

  it('tells a flag’s and a round’s stages apart', () => {
    expect(new Set(Object.values(FLAG_STATUS_TAGS)).size).toBe(4);
    expect(new Set(Object.values(ROUND_STATUS_TAGS)).size).toBe(4);
  });
});
