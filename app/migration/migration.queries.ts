import { operation } from "../shopify/admin-client";
import type {
  ImportCustomerContractsQuery,
  ImportCustomerContractsQueryVariables,
  ImportCustomersQuery,
  ImportCustomersQueryVariables,
  ImportVariantsQuery,
  ImportVariantsQueryVariables,
} from "../types/admin.generated";

/** The file's customers and the cards Shopify keeps for them (revoked ones are not listed). */
export const ImportCustomers = operation<ImportCustomersQuery, ImportCustomersQueryVariables>(`#graphql
  query ImportCustomers($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Customer {
        id
        paymentMethods(first: 10) {
          nodes {
            id
          }
        }
      }
    }
  }
`);

/** The file's items: those Shopify has, on a product that is on sale. */
export const ImportVariants = operation<ImportVariantsQuery, ImportVariantsQueryVariables>(`#graphql
  query ImportVariants($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        product {
          status
        }
      }
    }
  }
`);

/** A customer's contracts with their attributes: whether a row half-made before was made. */
export const ImportCustomerContracts = operation<ImportCustomerContractsQuery, ImportCustomerContractsQueryVariables>(`#graphql
  query ImportCustomerContracts($id: ID!) {
    customer(id: $id) {
      subscriptionContracts(first: 50, reverse: true) {
        nodes {
          id
          customAttributes {
            key
            value
          }
        }
      }
    }
  }
`);
