/** A contact is an email address or an E.164 phone number. */
export const E164 = /^\+[1-9]\d{7,14}$/

/** Email when it has an `@`, SMS otherwise. */
export function channelOf(contact: string): 'email' | 'sms' {
  return contact.includes('@') ? 'email' : 'sms'
}

/**
 * Contacts the sandbox cannot "deliver" to, so integrators can test `otp.failed`: any email at
 * the reserved domain `undeliverable.test`, and phone numbers starting `+1500555`.
 */
export function isUndeliverable(contact: string): boolean {
  return undeliverableReason(contact) !== null
}

/**
 * Why a code to `contact` cannot be delivered, as `otp.failed` reports it: `UNDELIVERABLE`
 * for an email at `undeliverable.test`, `INVALID_PHONE_NUMBER` for a `+1500555` number.
 */
export function undeliverableReason(
  contact: string,
): 'UNDELIVERABLE' | 'INVALID_PHONE_NUMBER' | null {
  if (/@undeliverable\.test$/i.test(contact)) return 'UNDELIVERABLE'
  if (contact.startsWith('+1500555')) return 'INVALID_PHONE_NUMBER'
  return null
}

/**
 * Contacts whose identity check fails, so integrators can test a negative KYC outcome: any
 * email whose local part contains `+kyc-fail`.
 */
export function failsIdentityCheck(contact: string): boolean {
  return /\+kyc-fail[^@]*@/i.test(contact)
}

/** Emails are compared and stored in lower case; phone numbers as given. */
export function normalizeContact(contact: string): string {
  return contact.includes('@') ? contact.toLowerCase() : contact
}

/** What the Link page shows: `a•••@example.com`, `+35•••••••89`. */
export function maskContact(contact: string): string {
  const at = contact.indexOf('@')
  if (at > 0) return `${contact[0]}•••${contact.slice(at)}`
  return `${contact.slice(0, 3)}${'•'.repeat(Math.max(contact.length - 5, 1))}${contact.slice(-2)}`
}
