import { operation } from "./admin-client";
import type {
  AppDataInstallationQuery,
  AppDataMetafieldsSetMutation,
  AppDataMetafieldsSetMutationVariables,
} from "../types/admin.generated";

/** The app installation: the owner of app-data metafields. */
export const AppDataInstallation = operation<AppDataInstallationQuery>(`#graphql
  query AppDataInstallation {
    currentAppInstallation {
      id
    }
  }
`);

export const AppDataMetafieldsSet = operation<AppDataMetafieldsSetMutation, AppDataMetafieldsSetMutationVariables>(`#graphql
  mutation AppDataMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
