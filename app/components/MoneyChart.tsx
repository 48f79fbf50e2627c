import { useEffect, useState } from "react";
import { BarChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { SkeletonBodyText } from "@shopify/polaris";

const HEIGHT = 260;

/**
 * Recurring against one-off revenue, month by month, as stacked bars. Polaris Viz measures the
 * page, so it draws after hydration; the box keeps its height meanwhile and the page does not
 * shift. Values stay in minor units: the formatter shows them as money, nothing is computed in
 * floating point. The same figures are in the table below it, for screen readers and export.
 */
export function RevenueMixChart({
  months,
  series,
  formatMoney,
  label,
}: {
  months: string[];
  series: { name: string; values: number[] }[];
  formatMoney: (minor: number) => string;
  label: string;
}) {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => setDrawn(true), []);
  return (
    <div style={{ height: HEIGHT }} role="img" aria-label={label}>
      {drawn ? (
        <PolarisVizProvider>
          <BarChart
            type="stacked"
            isAnimated={false}
            data={series.map((s) => ({ name: s.name, data: s.values.map((value, i) => ({ key: months[i]!, value })) }))}
            yAxisOptions={{ labelFormatter: (value) => formatMoney(Number(value)) }}
            tooltipOptions={{ valueFormatter: (value) => formatMoney(Number(value)) }}
          />
        </PolarisVizProvider>
      ) : (
        <SkeletonBodyText lines={8} />
      )}
    </div>
  );
}
