// Which request this browser started: an HttpOnly cookie set when the request is created, so
// the status route and the attestation route answer only for the browser's own request. In
// your app, key requests on the signed-in user instead; the rule is the same.
import type { Request, Response } from 'express'
import { config } from './config.js'

const COOKIE = 'humanos_request'

/** Remembers `requestId` as this browser's request. */
export function rememberOwnRequest(res: Response, requestId: string): void {
  res.cookie(COOKIE, requestId, {
    httpOnly: true,
    sameSite: 'strict',
    // Secure wherever the app is served over HTTPS (always, once deployed).
    secure: config.appOrigin.startsWith('https:'),
    path: '/',
    maxAge: 60 * 60 * 1000,
  })
}

/** True when `requestId` is the request this browser started. */
export function isOwnRequest(req: Request, requestId: string): boolean {
  const cookies = new URLSearchParams((req.get('cookie') ?? '').replace(/;\s*/g, '&'))
  return cookies.get(COOKIE) === requestId
}
