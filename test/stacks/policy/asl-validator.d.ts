/** asl-validator ships no types: what Vigil uses of it (its default export, CommonJS). */
declare module 'asl-validator' {
  interface AslError {
    readonly 'Error code': string;
    readonly Message: string;
  }
  function validator(definition: Record<string, unknown>, options?: { checkPaths?: boolean; checkArn?: boolean }): { isValid: boolean; errors: AslError[]; errorsText(separator?: string): string };
  export = validator;
}
