// Stacked bar charts of the progress page (Recharts, loaded in its own chunk). Each chart
// repeats a table on the page, so it is hidden from screen readers.
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './ChartFrame';

export interface StackSeries {
  key: string;
  label: string;
  color: string;
}

export interface StackDatum {
  unit: string;
  name: string;
  [key: string]: string | number;
}

export function StackedBars({ caption, data, series }: { caption: string; data: StackDatum[]; series: StackSeries[] }) {
  const height = Math.max(160, 48 + data.length * 34);
  return (
    <figure className="chart">
      <figcaption className="chart-caption">{caption}</figcaption>
      <div aria-hidden="true">
        <ChartFrame height={height}>
          {(width) => (
            <BarChart accessibilityLayer={false} width={width} height={height} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="unit" width={Math.min(140, Math.max(70, width / 4))} tickLine={false} />
              <Tooltip labelFormatter={(_, payload) => String((payload[0]?.payload as StackDatum | undefined)?.name ?? '')} />
              <Legend />
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} stackId="a" fill={s.color} isAnimationActive={false} />
              ))}
            </BarChart>
          )}
        </ChartFrame>
      </div>
    </figure>
  );
}
