import { GraphQLClient, ClientError } from "graphql-request";
import type { AdminApiContext } from "@shopify/shopify-app-remix/server";
import { ADMIN_API_VERSION } from "./api-version";
import type { RawResponse, Transport } from "./admin-client";
import type { GraphqlErrorEntry } from "./errors";

/** Request-scoped: the library's admin client, authenticated by the merchant's session. */
export function libraryTransport(admin: AdminApiContext): Transport {
  return async (query, variables) => {
    try {
      const response = await admin.graphql(query, { variables });
      const body = (await response.json()) as { data?: unknown; extensions?: RawResponse["extensions"] };
      return { status: 200, data: body.data, extensions: body.extensions };
    } catch (error) {
      return fromLibraryError(error);
    }
  };
}

// The library throws for everything but a clean result: GraphqlQueryError carries the body
// (with THROTTLED and validation errors), HttpResponseError the status of a 4xx/5xx.
function fromLibraryError(error: unknown): RawResponse {
  if (error instanceof Response) throw error; // the library's own redirects and 401s
  const candidate = error as {
    body?: { errors?: { graphQLErrors?: GraphqlErrorEntry[]; networkStatusCode?: number }; extensions?: RawResponse["extensions"] };
    response?: { code?: number; status?: number };
    message?: string;
  };
  const errors = candidate.body?.errors?.graphQLErrors;
  if (errors?.length) return { status: 200, errors, extensions: candidate.body?.extensions };
  const status = candidate.response?.code ?? candidate.response?.status ?? candidate.body?.errors?.networkStatusCode ?? 0;
  return { status, networkError: candidate.message ?? String(error) };
}

/** Background: graphql-request with the shop's offline access token. */
export function offlineTransport(shop: string, accessToken: string, shopifyFetch: typeof fetch): Transport {
  const client = new GraphQLClient(`https://${shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
    headers: { "X-Shopify-Access-Token": accessToken },
    fetch: shopifyFetch,
    // Each document holds one operation, so Shopify needs no name beside it; without this the
    // client parses every document again on every request to find it.
    excludeOperationName: true,
  });
  return async (query, variables) => {
    try {
      const response = await client.rawRequest<unknown>(query, variables);
      return { status: response.status, data: response.data, extensions: response.extensions as RawResponse["extensions"] };
    } catch (error) {
      if (error instanceof ClientError) {
        const body = error.response as {
          status: number;
          errors?: GraphqlErrorEntry[];
          extensions?: RawResponse["extensions"];
          data?: unknown;
        };
        return { status: body.status, errors: body.errors, extensions: body.extensions, data: body.data };
      }
      return { status: 0, networkError: (error as Error).message };
    }
  };
}
