import { operation } from "../shopify/admin-client";
import type { FlowTriggerReceiveMutation, FlowTriggerReceiveMutationVariables } from "../types/admin.generated";

/** Starts the shop's workflows that begin with the trigger `handle`. */
export const FlowTriggerReceive = operation<FlowTriggerReceiveMutation, FlowTriggerReceiveMutationVariables>(`#graphql
  mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors {
        field
        message
      }
    }
  }
`);
