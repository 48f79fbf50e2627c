/** One entry of a mutation's userErrors, as every Admin API mutation answers them (the code is the mutation's own enum). */
export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}
