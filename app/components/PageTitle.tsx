import { useEffect } from "react";
import { useNavigate } from "@remix-run/react";
import { Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";

/**
 * A page's title, shown once: in the admin's title bar (App Bridge), with the page it belongs to as
 * the bar's breadcrumb (`back`), never again as a Polaris Page title below it. Inside the frame it is
 * the document title, which screen readers announce, and a visually hidden h1 for those who move
 * by headings.
 */
export function PageTitle({ title, back }: { title: string; back?: { url: string; content: string } }) {
  const navigate = useNavigate();
  useEffect(() => {
    document.title = `${title} · Orchard`;
  }, [title]);
  return (
    <>
      <TitleBar title={title}>
        {back && (
          <button variant="breadcrumb" onClick={() => navigate(back.url)}>
            {back.content}
          </button>
        )}
      </TitleBar>
      <Text as="h1" visuallyHidden>
        {title}
      </Text>
    </>
  );
}
