/** A mandate step that cannot be done, with the HTTP status the API answers it with. */
export class MandateError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message)
    this.name = 'MandateError'
  }
}
