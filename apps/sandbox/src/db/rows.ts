// Row shapes of the tables in schema.ts. Times are milliseconds since the epoch; JSON columns
// hold text written by this sandbox.

export type SecurityLevel = 'CONTACT' | 'ORGANIZATION_KYC' | 'HUMANOS_KYC' | 'HUMANOS_REVALIDATION'
export type CredentialType = 'DOCUMENT' | 'CONSENT' | 'FORM' | 'JSON' | 'POLICY'
export type CredentialStatus = 'DRAFT' | 'ACTIVE' | 'REJECTED' | 'CANCELED' | 'REVOKED' | 'EXPIRED'

export interface RequestRow {
  id: string
  org_id: string
  seq: number
  name: string | null
  internal_id: string | null
  security_level: SecurityLevel
  language: string
  redirect_url: string | null
  pub_key: string | null
  authorized_dids: string
  created_at: number
  expires_at: number
  canceled_at: number | null
  /** JSON `[{ contact, docId }]`. */
  expected_doc_ids: string
}

export interface CredentialRow {
  id: string
  org_id: string
  request_id: string
  position: number
  type: CredentialType
  name: string
  description: string | null
  internal_id: string | null
  data: string | null
  valid_until: number | null
  status: CredentialStatus
  w3c: string
  created_at: number
  updated_at: number
  revoked_reason: string | null
  /** JSON string array. */
  tags: string
  /** JSON array of signature boxes (a `DOCUMENT`'s `placements`). */
  placements: string
}

export interface SessionRow {
  id: string
  request_id: string
  position: number
  contact: string
  user_id: number
  otp_code: string | null
  otp_issued_at: number | null
  /** Wrong codes from every frame since the last lock or integrator resend. */
  otp_failures: number
  /** Until when the session is locked (too many wrong codes overall), or `null`. */
  otp_locked_until: number | null
  last_resend_at: number | null
  /** Successful resends asked for by the integrator's server (`PATCH /request/resend`). */
  resend_count: number
  /** Codes sent again at a Link page's request (`POST /link/:id/otp/resend`). */
  page_resend_count: number
  identity: string | null
  decided_at: number | null
}

export interface UserRow {
  id: number
  org_id: string
  contact: string
  internal_id: string | null
  /** JSON string array. */
  extra_contacts: string
  /** JSON identity object given at import, or `null`. */
  identity: string | null
  created_at: number
}

export interface DecisionRow {
  id: string
  credential_id: string
  session_id: string
  contact: string
  accepted: number
  decided_at: number
}

export interface FrameRow {
  token: string
  session_id: string
  origin: string | null
  pub_key: string | null
  verified_at: number | null
  created_at: number
  /** Wrong codes typed in this frame; at `otpMaxAttempts` the frame is locked. */
  otp_failures: number
  /** Codes sent again at this frame's request. */
  resend_count: number
}

/** Identity verification levels: the Link flow adds a camera step for these. */
export const IDENTITY_LEVELS: ReadonlySet<SecurityLevel> = new Set([
  'ORGANIZATION_KYC',
  'HUMANOS_KYC',
  'HUMANOS_REVALIDATION',
])
