import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { EditRefusal } from './edit-refusal.js';

/**
 * A checker of `Authorization: Bearer <token>`. Both tokens are hashed first, so the
 * comparison takes the same time whatever the length or the first wrong character of a
 * guess (timingSafeEqual itself needs equal lengths, and would leak the length otherwise).
 */
export function bearerTokenCheck(token: string): (request: IncomingMessage) => void {
  if (token.length === 0) throw new Error('the annotation editor needs a non-empty token');
  const expected = digest(token);
  return (request) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) {
      throw new EditRefusal(
        401,
        'the editor’s token is missing or wrong; reopen the address "vitrine serve --edit" printed',
        {
          'www-authenticate': 'Bearer realm="vitrine editor"',
        },
      );
    }
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
