// The one place the kit imports the protocol from: the frame side of `@humanos-link/core`.
export { createLinkMessage, sealResult } from '@humanos-link/core/protocol'
export type {
  EncryptedResult,
  LinkMessage,
  LinkMessageBody,
  LinkMessageType,
} from '@humanos-link/core/protocol'
export type {
  CredentialResultPayload,
  ExitReason,
  IdentityResultPayload,
  LinkEventName,
  LinkResultPayload,
} from '@humanos-link/core'
