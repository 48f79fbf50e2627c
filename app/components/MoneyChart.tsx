import { useEffect, useState } from "react";
import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { SkeletonBodyText } from "@shopify/polaris";

const HEIGHT = 260;

/**
 * Amounts of money by month: stacked bars (parts of a whole: recurring and one-off revenue) or
 * lines (alternatives: MRR with and without a price change). Polaris Viz measures the page, so it
 * draws after hydration; the box keeps its height meanwhile and the page does not shift. Values
 * stay in minor units: the formatter shows them as money, nothing is computed in floating point.
 * Every page that draws one shows the same figures in a table, for screen readers and export.
 */
export function MoneyChart({
  type,
  months,
  series,
  formatMoney,
  label,
}: {
  type: "stackedBars" | "lines";
  months: string[];
  series: { name: string; values: number[] }[];
  formatMoney: (minor: number) => string;
  label: string;
}) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(true), []);
  const data = series.map((s) => ({ name: s.name, data: s.values.map((value, i) => ({ key: months[i]!, value })) }));
  const yAxisOptions = { labelFormatter: (value: number | string | null) => formatMoney(Number(value)) };
  const tooltipOptions = { valueFormatter: (value: number | string | null) => formatMoney(Number(value)) };
  return (
    <div style={{ height: HEIGHT }} role="img" aria-label={label}>
      {/* The picture is named as a whole; its parts (legend buttons, Polaris Viz's own lists) are
          taken out of reach so nothing interactive sits inside an image (the table beside it has
          the figures for keyboard and screen reader users). */}
      {drawn ? (
        <div style={{ height: "100%" }} aria-hidden="true" {...{ inert: "" }}>
          <PolarisVizProvider>
            {type === "stackedBars" ? (
              <BarChart type="stacked" isAnimated={false} data={data} yAxisOptions={yAxisOptions} tooltipOptions={tooltipOptions} />
            ) : (
              <LineChart isAnimated={false} data={data} yAxisOptions={yAxisOptions} tooltipOptions={tooltipOptions} />
            )}
          </PolarisVizProvider>
        </div>
      ) : (
        <SkeletonBodyText lines={8} />
      )}
    </div>
  );
}
