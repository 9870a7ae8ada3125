// Which request this browser started: an HttpOnly cookie set by the server action, so the
// status route and the attestation route answer only for the browser's own request. In your
// app, key requests on the signed-in user instead; the rule is the same.
import 'server-only'
import { cookies } from 'next/headers'
import { appOrigin } from '@/lib/humanos'

const COOKIE = 'humanos_request'

/** Remembers `requestId` as this browser's request. */
export async function rememberOwnRequest(requestId: string): Promise<void> {
  const jar = await cookies()
  jar.set(COOKIE, requestId, {
    httpOnly: true,
    sameSite: 'strict',
    // Secure wherever the app is served over HTTPS (always, once deployed).
    secure: appOrigin().startsWith('https:'),
    path: '/',
    maxAge: 60 * 60,
  })
}

/** True when `requestId` is the request this browser started. */
export async function isOwnRequest(requestId: string): Promise<boolean> {
  return (await cookies()).get(COOKIE)?.value === requestId
}
