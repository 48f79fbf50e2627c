import { useEffect } from "react";
import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Link, Outlet, useLoaderData, useLocation, useNavigation, useRouteError } from "@remix-run/react";
import { SkeletonBodyText, SkeletonPage, Card, Layout } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisFr from "@shopify/polaris/locales/fr.json";
import { refusalsLogged } from "../logging/refused-requests.server";
import { authenticate } from "../shopify.server";
import { appBridgeScriptUrl, config } from "../config.server";
import { messagesByLocale, resolveLocale, translate, type Locale } from "../i18n/i18n";
import { TranslationProvider, useTranslation } from "../i18n/use-translation";

export const links = () => [
  { rel: "stylesheet", href: polarisStyles },
  { rel: "stylesheet", href: polarisVizStyles },
];

const polarisTranslations: Record<Locale, typeof polarisEn> = { en: polarisEn, fr: polarisFr };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await refusalsLogged("admin", request, authenticate.admin(request));
  const locale = resolveLocale(new URL(request.url).searchParams.get("locale"));
  return { apiKey: config().SHOPIFY_API_KEY, locale, appBridgeUrl: appBridgeScriptUrl() };
};

// The admin passes the merchant's locale only when it loads the app; keep what it said.
export const shouldRevalidate = () => false;

function Navigation() {
  const { t } = useTranslation();
  return (
    <NavMenu>
      <Link to="/app" rel="home">
        {t("nav.dashboard")}
      </Link>
      <Link to="/app/plans">{t("nav.plans")}</Link>
      <Link to="/app/subscriptions">{t("nav.subscriptions")}</Link>
      <Link to="/app/protection">{t("nav.protection")}</Link>
      <Link to="/app/reminders">{t("nav.reminders")}</Link>
      <Link to="/app/memberships">{t("nav.memberships")}</Link>
      <Link to="/app/referrals">{t("nav.referrals")}</Link>
      <Link to="/app/integrations">{t("nav.integrations")}</Link>
      <Link to="/app/settings">{t("nav.settings")}</Link>
      <Link to="/app/plan">{t("nav.plan")}</Link>
    </NavMenu>
  );
}

/**
 * While the next page's data loads: App Bridge's loading bar in the admin, and in place of the page
 * being left, a skeleton of the one to come, so a slow loader never leaves the last page answering
 * clicks as if nothing happened.
 */
function PageOrSkeleton() {
  const navigation = useNavigation();
  const location = useLocation();
  const busy = navigation.state !== "idle";
  useEffect(() => {
    window.shopify?.loading(busy);
  }, [busy]);
  if (navigation.state === "loading" && navigation.location.pathname !== location.pathname) {
    return (
      <SkeletonPage>
        <Layout>
          <Layout.Section>
            <Card>
              <SkeletonBodyText lines={6} />
            </Card>
          </Layout.Section>
        </Layout>
      </SkeletonPage>
    );
  }
  return <Outlet />;
}

export default function App() {
  const { apiKey, locale, appBridgeUrl } = useLoaderData<typeof loader>();
  // The root document is written before the merchant's language is known: screen readers read
  // the admin in the language it is in.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <AppProvider
      isEmbeddedApp
      apiKey={apiKey}
      i18n={polarisTranslations[locale]}
      {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}
    >
      <TranslationProvider locale={locale}>
        <Navigation />
        <PageOrSkeleton />
      </TranslationProvider>
    </AppProvider>
  );
}

// Shopify needs the library's boundary to see its headers and its auth redirects (the bounce page);
// a page that does not exist gets a sentence instead of the raw response.
export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <p role="alert">{translate(messagesByLocale.en, "errors.notFound")}</p>;
  return boundary.error(error);
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
