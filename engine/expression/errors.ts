/** Thrown when an expression cannot be evaluated; carries the source for the error message. */
export class ExpressionError extends Error {
  readonly source: string;
  constructor(message: string, source: string) {
    super(message);
    this.name = 'ExpressionError';
    this.source = source;
  }
}
