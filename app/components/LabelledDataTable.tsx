import { useEffect, useRef, type ComponentProps } from "react";
import { DataTable } from "@shopify/polaris";

/**
 * Polaris's DataTable, named, and reachable by keyboard when it scrolls: a table wider than its
 * card scrolls sideways in a container Polaris does not make focusable, so a keyboard user could
 * not scroll it (WCAG 2.1.1; axe's scrollable-region-focusable). That container is made a named,
 * focusable region each time the table draws.
 */
export function LabelledDataTable({ label, ...table }: ComponentProps<typeof DataTable> & { label: string }) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const container of wrapper.current?.querySelectorAll<HTMLElement>(".Polaris-DataTable__ScrollContainer") ?? []) {
      container.tabIndex = 0;
      container.setAttribute("role", "region");
      container.setAttribute("aria-label", label);
    }
  });
  return (
    <div ref={wrapper}>
      <DataTable {...table} />
    </div>
  );
}
