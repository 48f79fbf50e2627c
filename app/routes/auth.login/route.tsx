import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisEn from "@shopify/polaris/locales/en.json";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { login } from "../../shopify.server";
import { resolveLocale } from "../../i18n/i18n";
import { TranslationProvider, useTranslation } from "../../i18n/use-translation";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

type LoginErrorKey = "login.missingShop" | "login.invalidShop";

async function loginErrors(request: Request): Promise<LoginErrorKey | null> {
  const errors = await login(request);
  if (errors?.shop === LoginErrorType.MissingShop) return "login.missingShop";
  if (errors?.shop === LoginErrorType.InvalidShop) return "login.invalidShop";
  return null;
}

export const loader = async ({ request }: LoaderFunctionArgs) => ({
  error: await loginErrors(request),
  locale: resolveLocale(request.headers.get("accept-language")),
});

export const action = async ({ request }: ActionFunctionArgs) => ({ error: await loginErrors(request) });

function LoginForm() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [shop, setShop] = useState("");
  const error = (actionData ?? loaderData).error;
  return (
    <Page>
      <Card>
        <Form method="post">
          <FormLayout>
            <Text variant="headingMd" as="h1">
              {t("login.title")}
            </Text>
            <TextField
              type="text"
              name="shop"
              label={t("login.shopLabel")}
              helpText={t("login.shopHelp")}
              value={shop}
              onChange={setShop}
              autoComplete="on"
              error={error ? t(error) : undefined}
            />
            <Button submit>{t("login.submit")}</Button>
          </FormLayout>
        </Form>
      </Card>
    </Page>
  );
}

export default function Auth() {
  const { locale } = useLoaderData<typeof loader>();
  return (
    <PolarisAppProvider i18n={polarisEn}>
      <TranslationProvider locale={locale}>
        <LoginForm />
      </TranslationProvider>
    </PolarisAppProvider>
  );
}
