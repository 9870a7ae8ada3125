/** The Humanos API version the sandbox speaks (humanos-api.md). */
export const API_VERSION = '2026-05-17'

/** The `@context` of every `w3cCredential`. */
export const CREDENTIAL_CONTEXT = Object.freeze([
  'https://www.w3.org/ns/credentials/v2',
  'https://via.humanos.dev/ns/v1',
])

/** `mandate.scope` when a credential does not set one. */
export const DEFAULT_SCOPE = 'humanos.credential.request'
