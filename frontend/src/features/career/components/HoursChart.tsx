// Training hours per employee against the JP target, as a bar chart. Loaded lazily: it pulls
// in Recharts. The same numbers are in the table next to it for screen readers.
import { useEffect, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../lib/i18n/i18n';
import type { UnitHoursRow } from '../api/types';

const PRIMARY = '#0f4c81';
const MET = '#146c2e';

export default function HoursChart({ rows, target }: { rows: readonly UnitHoursRow[]; target: number }) {
  const { t } = useI18n();
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
  const data = rows.map((r) => ({ name: r.name.split(' ')[0] ?? r.name, full: r.name, jp: r.completed_jp, met: r.met }));
  const height = 280;
  const max = Math.max(target, ...data.map((d) => d.jp)) + 5;
  return (
    <div ref={ref} className="chart-box" style={{ height }} aria-hidden="true">
      <BarChart accessibilityLayer={false} width={width} height={height} data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tickLine={false} interval={0} angle={data.length > 8 ? -35 : 0} height={data.length > 8 ? 60 : 30} textAnchor={data.length > 8 ? 'end' : 'middle'} />
        <YAxis domain={[0, max]} allowDecimals={false} />
        <Tooltip
          labelFormatter={(_, payload) => (payload[0]?.payload as { full: string } | undefined)?.full ?? ''}
          formatter={(v) => [`${String(v)} JP`, t('career.hours.jp')]}
        />
        <ReferenceLine y={target} stroke="#b42318" strokeDasharray="4 4" label={{ value: t('career.hours.target', { n: target }), position: 'insideTopRight' }} />
        <Bar dataKey="jp" name={t('career.hours.jp')} isAnimationActive={false} radius={[3, 3, 0, 0]}>
          {data.map((d) => (
            <Cell key={d.full} fill={d.met ? MET : PRIMARY} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
