import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { applyEvent } from './live';

describe('live events', () => {
  it('feedback_received marks the citizen feedback and IKM queries stale', () => {
    const qc = new QueryClient();
    const spy = vi.spyOn(qc, 'invalidateQueries');
    applyEvent(qc, 'feedback_received');
    const keys = spy.mock.calls.map((c) => JSON.stringify(c[0]?.queryKey));
    expect(keys).toContain(JSON.stringify(['citizen-feedback']));
    expect(keys).toContain(JSON.stringify(['ikm']));
  });

  it('resync marks every query stale and kinds without invalidations change nothing', () => {
    const qc = new QueryClient();
    const spy = vi.spyOn(qc, 'invalidateQueries');
    applyEvent(qc, 'ready');
    // @ts-expect-error a kind the spec's EventKind does not list fails the build
    applyEvent(qc, 'something_new');
    expect(spy).not.toHaveBeenCalled();
    applyEvent(qc, 'resync');
    expect(spy).toHaveBeenCalledWith(undefined);
  });
});
