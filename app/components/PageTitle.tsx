import { useEffect } from "react";
import { Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";

/**
 * A page's title: in the admin's title bar (App Bridge), as the app frame's document title, which
 * screen readers announce, and as the frame's h1 for those who move by headings. The h1 is only for
 * them (the admin's title bar already shows the title), unless the page shows its own (`headingShown`:
 * a Polaris Page title, on forms and detail pages).
 */
export function PageTitle({ title, headingShown = false }: { title: string; headingShown?: boolean }) {
  useEffect(() => {
    document.title = `${title} · Orchard`;
  }, [title]);
  return (
    <>
      <TitleBar title={title} />
      {!headingShown && (
        <Text as="h1" visuallyHidden>
          {title}
        </Text>
      )}
    </>
  );
}
