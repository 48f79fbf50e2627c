import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { messagesByLocale, translate } from "./i18n/i18n";

function Document({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>Orchard</title>
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

// Errors outside the admin layout (which has Shopify's boundary) end here: no stack, no data, a
// sentence a merchant can act on. The admin's locale is not known at this level.
export function ErrorBoundary() {
  const error = useRouteError();
  const messages = messagesByLocale.en;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  if (!notFound) console.error(error);
  return (
    <Document>
      <main style={{ font: "16px/1.5 system-ui, sans-serif", maxWidth: 640, margin: "48px auto", padding: "0 16px" }}>
        <h1>{translate(messages, "errors.title")}</h1>
        <p>{translate(messages, notFound ? "errors.notFound" : "errors.body")}</p>
      </main>
    </Document>
  );
}
