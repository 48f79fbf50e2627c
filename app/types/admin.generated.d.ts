/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type ShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopInfoQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'ianaTimezone' | 'currencyCode'> };

export type StoreOverviewQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type StoreOverviewQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'currencyCode' | 'ianaTimezone'>, productsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, collectionsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>> };

interface GeneratedQueryTypes {
  "#graphql\n  query ShopInfo {\n    shop {\n      name\n      ianaTimezone\n      currencyCode\n    }\n  }\n": {return: ShopInfoQuery, variables: ShopInfoQueryVariables},
  "#graphql\n  query StoreOverview {\n    shop {\n      name\n      currencyCode\n      ianaTimezone\n    }\n    productsCount(query: \"status:active\") {\n      count\n    }\n    collectionsCount {\n      count\n    }\n  }\n": {return: StoreOverviewQuery, variables: StoreOverviewQueryVariables},
}

interface GeneratedMutationTypes {
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
