/** Why the editor's API turns a request away: the status to answer and one line for the editor to show. */
export class EditRefusal extends Error {
  override name = 'EditRefusal';
  constructor(
    readonly status: number,
    message: string,
    /** Headers the status calls for, e.g. `allow` with 405 or `www-authenticate` with 401. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
