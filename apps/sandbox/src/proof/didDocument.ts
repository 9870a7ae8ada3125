/**
 * The issuer's `did:web` identifier for a base URL: the host, with `:` (before a port)
 * percent-encoded, e.g. `did:web:127.0.0.1%3A4010`. A path in the base URL is not part of it:
 * the DID document is always served at `/.well-known/did.json`.
 */
export function issuerDidFor(baseUrl: string): string {
  return `did:web:${new URL(baseUrl).host.replace(/:/g, '%3A')}`
}

/** The verification method that signs credentials. */
export function issuerKeyId(issuerDid: string): string {
  return `${issuerDid}#key-1`
}

/** A subject's DID: `<issuer DID>:user:<n>`; it resolves to `/user/<n>/did.json`. */
export function userDid(issuerDid: string, userNumber: number): string {
  return `${issuerDid}:user:${userNumber}`
}

/** The DID document published at `/.well-known/did.json`, with the `Multikey` of `#key-1`. */
export function issuerDidDocument(issuerDid: string, publicKeyMultibase: string) {
  const keyId = issuerKeyId(issuerDid)
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: issuerDid,
    verificationMethod: [
      { id: keyId, type: 'Multikey', controller: issuerDid, publicKeyMultibase },
    ],
    assertionMethod: [keyId],
    authentication: [keyId],
  }
}

/** A subject's DID document: an identifier the sandbox controls, without keys of its own. */
export function userDidDocument(issuerDid: string, userNumber: number) {
  return {
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: userDid(issuerDid, userNumber),
    controller: issuerDid,
  }
}
