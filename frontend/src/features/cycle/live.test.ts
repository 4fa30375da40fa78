import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { applyEvent, INVALIDATES, type Invalidations } from '../../lib/events/live';
import { registerCycleEvents } from './live';

describe('cycle live events', () => {
  it('merges the cycle kinds into a map without dropping existing prefixes', () => {
    const map: Invalidations = { predikat_published: [['x']] };
    registerCycleEvents(map);
    registerCycleEvents(map);
    expect(map.predikat_published).toEqual([['x'], ['cycle', 'results'], ['cycle', 'team'], ['cycle', 'periods'], ['cycle', 'curve']]);
    expect(map.skp_updated).toEqual([['cycle', 'skp'], ['cycle', 'team']]);
  });

  it('makes the employee results stale when a predikat is published', () => {
    registerCycleEvents();
    const qc = new QueryClient();
    const spy = vi.spyOn(qc, 'invalidateQueries');
    expect(INVALIDATES.results360_released).toBeDefined();
    applyEvent(qc, 'predikat_published');
    expect(spy).toHaveBeenCalledWith({ queryKey: ['cycle', 'results'] });
  });
});
