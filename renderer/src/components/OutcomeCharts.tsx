/**
 * The trends of the outcome report, drawn with recharts (SVG). Each chart is a figure with a caption,
 * a short "how counted", and its numbers in a table for anyone who cannot see the chart.
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { OutcomeCharts as Charts } from '../../../shared/domain/reports';

// NHS identity colours with at least 3:1 contrast against white (WCAG 1.4.11).
const BLUE = '#005eb8';
const PURPLE = '#330072';
const GREEN = '#007f3b';

function ChartFigure(p: { id: string; title: string; howCounted: string; children: ReactNode; headers: string[]; rows: (string | number)[][] }) {
  return (
    <figure className="app-chart" aria-labelledby={`${p.id}-title`}>
      <figcaption>
        <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1" id={`${p.id}-title`}>{p.title}</h3>
        <p className="nhsuk-body-s app-secondary-text">{p.howCounted}</p>
      </figcaption>
      <div className="app-chart__plot" aria-hidden="true">{p.children}</div>
      <details className="nhsuk-details app-no-print">
        <summary className="nhsuk-details__summary"><span className="nhsuk-details__summary-text">Show the numbers<span className="nhsuk-u-visually-hidden">: {p.title}</span></span></summary>
        <div className="nhsuk-details__text">
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{p.title}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">{p.headers.map((h) => <th key={h} scope="col" className="nhsuk-table__header">{h}</th>)}</tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {p.rows.map((r) => (
                <tr key={String(r[0])} className="nhsuk-table__row">{r.map((c, i) => <td key={i} className="nhsuk-table__cell">{c}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

const axis = { tick: { fill: '#212b32', fontSize: 14 }, stroke: '#4c6272' };

export function OutcomeCharts({ charts }: { charts: Charts }) {
  return (
    <div className="app-charts">
      <ChartFigure id="chart-admissions" title="Hospital admissions and A&E attendances per month"
        howCounted="Admission and A&E events by the month they happened; a move into the home is not a hospital admission."
        headers={['Month', 'Hospital admissions', 'A&E attendances']} rows={charts.admissionsByMonth.map((m) => [m.label, m.admissions, m.aAndE])}>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={charts.admissionsByMonth} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" {...axis} />
            <YAxis allowDecimals={false} {...axis} />
            <Legend />
            <Bar dataKey="admissions" name="Hospital admissions" fill={BLUE} isAnimationActive={false} />
            <Bar dataKey="aAndE" name="A&E attendances" fill={PURPLE} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure id="chart-reviews" title="Medication reviews done and due per month"
        howCounted="Done: reviews marked done in the month. Due: reviews whose due date falls in the month: those recorded as done or deferred, and those the review rules still find overdue at the end of the period (the overdue figure above)."
        headers={['Month', 'Done', 'Due']} rows={charts.reviewsByMonth.map((m) => [m.label, m.done, m.due])}>
        <ResponsiveContainer width="100%" height={260}>
          <BarChart data={charts.reviewsByMonth} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" {...axis} />
            <YAxis allowDecimals={false} {...axis} />
            <Legend />
            <Bar dataKey="done" name="Done" fill={GREEN} isAnimationActive={false} />
            <Bar dataKey="due" name="Due" fill={BLUE} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure id="chart-acp" title="ReSPECT coverage at the end of each month"
        howCounted="The share of residents living in the home on the last day of the month with a current ReSPECT form recorded by then."
        headers={['Month', 'Residents', 'With ReSPECT', 'Coverage']}
        rows={charts.acpCoverageByMonth.map((m) => [m.label, m.residents, m.withRespect, m.percent === null ? 'No residents' : `${m.percent}%`])}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={charts.acpCoverageByMonth} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" {...axis} />
            <YAxis domain={[0, 100]} unit="%" {...axis} />
            <Legend />
            <Line dataKey="percent" name="ReSPECT coverage" stroke={BLUE} strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
