// Measures its own width so that charts get explicit sizes (works in jsdom and in print).
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function ChartFrame({ height, children }: { height: number; children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={ref} className="chart-box" style={{ height }}>
      {children(width)}
    </div>
  );
}
