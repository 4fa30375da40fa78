import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { useI18n } from '../../../lib/i18n/i18n';
import { useDecimal } from '../../../components/numbers';
import type { IkmElement, IkmMonth } from '../api/ikm';
import { ChartBox } from './ChartBox';
import { useElementName, useMonthLabel } from './format';

const PRIMARY = '#0f4c81';

/** NRR per element as a bar chart (1–4), with the same values as a table. */
export function NrrChart({ elements }: { elements: IkmElement[] }) {
  const { t } = useI18n();
  const dec = useDecimal();
  const name = useElementName();
  const data = elements.map((e) => ({ code: e.code.toUpperCase(), name: name(e.code, e.name), nrr: e.nrr ?? null }));
  return (
    <figure className="chart" aria-labelledby="nrr-caption">
      <figcaption id="nrr-caption" className="chart-caption">
        {t('ikm.nrrChart')}
      </figcaption>
      {/* The chart repeats the table below for sighted readers; screen readers use the table. */}
      <div aria-hidden="true">
        <ChartBox height={260}>
          {(width) => (
            <BarChart accessibilityLayer={false} width={width} height={260} data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="code" tickLine={false} />
              <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} allowDecimals={false} />
              <Tooltip
                formatter={(v) => (typeof v === 'number' ? dec(v) : String(v))}
                labelFormatter={(_, payload) => {
                  const p = payload[0]?.payload as { code: string; name: string } | undefined;
                  return p ? `${p.code} ${p.name}` : '';
                }}
              />
              <Bar dataKey="nrr" name={t('ikm.nrr')} fill={PRIMARY} radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          )}
        </ChartBox>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('ikm.elementTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ikm.element')}</th>
              <th scope="col" className="num">
                {t('ikm.nrr')}
              </th>
              <th scope="col" className="num">
                {t('ikm.answers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {elements.map((e) => (
              <tr key={e.code}>
                <th scope="row">
                  <span className="mono">{e.code.toUpperCase()}</span> {name(e.code, e.name)}
                </th>
                <td className="num">{e.nrr == null ? t('common.none') : dec(e.nrr)}</td>
                <td className="num">{e.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

interface TrendDatum {
  month: string;
  label: string;
  konversi: number | null;
  respondents: number;
  mutu: string | null;
}

function TrendTooltip({ active, payload }: Pick<TooltipContentProps, 'active' | 'payload'>) {
  const { t } = useI18n();
  const dec = useDecimal();
  const d = payload?.[0]?.payload as TrendDatum | undefined;
  if (!active || !d) return null;
  return (
    <div className="chart-tooltip">
      <p>
        <strong>{d.label}</strong>
      </p>
      <p>
        {t('ikm.konversi')}: {d.konversi == null ? t('ikm.notEnough') : `${dec(d.konversi)} (${d.mutu ?? ''})`}
      </p>
      <p>
        {t('ikm.respondents')}: {d.respondents}
      </p>
    </div>
  );
}

/** IKM konversi per month (gaps where a month has too few respondents), with a table. */
export function TrendChart({ trend, minRespondents }: { trend: IkmMonth[]; minRespondents: number }) {
  const { t } = useI18n();
  const dec = useDecimal();
  const monthLabel = useMonthLabel();
  const data: TrendDatum[] = trend.map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    konversi: m.konversi ?? null,
    respondents: m.respondents,
    mutu: m.mutu ?? null,
  }));
  return (
    <figure className="chart" aria-labelledby="trend-caption">
      <figcaption id="trend-caption" className="chart-caption">
        {t('ikm.trendChart')}
      </figcaption>
      <div aria-hidden="true">
        <ChartBox height={240}>
          {(width) => (
            <LineChart accessibilityLayer={false} width={width} height={240} data={data} margin={{ top: 8, right: 16, bottom: 8, left: -8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tickLine={false} />
              <YAxis domain={[25, 100]} ticks={[25, 65, 76.61, 88.31, 100]} interval={0} tickFormatter={(v: number) => dec(v, 2, 0)} />
              <ReferenceLine y={88.31} stroke="#146c2e" strokeDasharray="4 4" />
              <ReferenceLine y={76.61} stroke="#b58105" strokeDasharray="4 4" />
              <ReferenceLine y={65} stroke="#b42318" strokeDasharray="4 4" />
              <Tooltip content={(props) => <TrendTooltip {...props} />} />
              <Line
                type="monotone"
                dataKey="konversi"
                name={t('ikm.konversi')}
                stroke={PRIMARY}
                strokeWidth={2}
                dot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          )}
        </ChartBox>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('ikm.trendTable', { min: minRespondents })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ikm.month')}</th>
              <th scope="col" className="num">
                {t('ikm.respondents')}
              </th>
              <th scope="col" className="num">
                {t('ikm.konversi')}
              </th>
              <th scope="col">{t('ikm.mutu')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.label}</th>
                <td className="num">{m.respondents}</td>
                <td className="num">{m.konversi == null ? t('ikm.notEnough') : dec(m.konversi)}</td>
                <td>{m.konversi == null ? t('common.none') : (m.mutu ?? t('common.none'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
