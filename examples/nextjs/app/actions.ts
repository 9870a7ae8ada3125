'use server'
// A server action: runs on the server only, so the API key never leaves it. The browser gets
// the Link URL of its one subject and the request id, nothing else.
import { HumanosApiError } from '@humanos-link/server'
import { humanos } from '@/lib/humanos'
import { rememberOwnRequest } from '@/lib/ownRequest'

export type ApprovalState =
  | { status: 'idle' }
  | { status: 'created'; requestId: string; link: string }
  | { status: 'error'; message: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * Creates one consent request for the contact in the form. In your app the contact is the
 * signed-in user's, read from the session, never taken from the browser as is.
 */
export async function startApproval(
  _previous: ApprovalState,
  form: FormData,
): Promise<ApprovalState> {
  const contact = String(form.get('contact') ?? '').trim()
  if (!EMAIL.test(contact)) return { status: 'error', message: 'Enter an email address.' }
  try {
    const request = await humanos().createRequest({
      contacts: [contact],
      name: 'Newsletter',
      credentials: [{ type: 'CONSENT', name: 'Send me the monthly newsletter' }],
    })
    await rememberOwnRequest(request.id)
    return { status: 'created', requestId: request.id, link: request.subjects[0]!.link }
  } catch (error) {
    // Log the details on the server; tell the browser only that it failed.
    console.error('createRequest failed', error)
    const status = error instanceof HumanosApiError ? ` (${error.status})` : ''
    return { status: 'error', message: `Humanos refused the request${status}. Try again.` }
  }
}
