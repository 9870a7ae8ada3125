// Node-only helpers of the test kit (they use node:crypto).
export { readOtp, SANDBOX_DEFAULTS } from './sandboxOutbox.js'
export { signature, signedClient } from './signedClient.js'
export type { CallOptions, CallResult, SignedCall } from './signedClient.js'
