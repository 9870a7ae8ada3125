// The DIDs the sandbox controls, all `did:web` under its host:
// - the platform `did:web:<host>`: `issuer` of every credential (`/.well-known/did.json`);
// - the platform key DID `did:web:<host>:platform:<uuid>`, whose `#key-1` signs credential
//   proofs (`/platform/<uuid>/did.json`);
// - an organization's issuer DID `did:web:<host>:issuer:<orgId>`, the credential's subject
//   (`/issuer/<orgId>/did.json`);
// - a user's DID `did:web:<host>:user:<n>` (`/user/<n>/did.json`).

const DID_CONTEXT = 'https://www.w3.org/ns/did/v1'
const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1'

/**
 * The platform's `did:web` identifier for a base URL: the host, with `:` (before a port)
 * percent-encoded, e.g. `did:web:127.0.0.1%3A4010`. A path in the base URL is not part of it.
 */
export function platformDidFor(baseUrl: string): string {
  return `did:web:${new URL(baseUrl).host.replace(/:/g, '%3A')}`
}

/** The DID of the platform key that signs credentials. */
export function platformKeyDid(platformDid: string, platformUuid: string): string {
  return `${platformDid}:platform:${platformUuid}`
}

/** The verification method of credential proofs. */
export function platformKeyId(platformDid: string, platformUuid: string): string {
  return `${platformKeyDid(platformDid, platformUuid)}#key-1`
}

/** An organization's issuer DID (Humanos calls the customer organization the "issuer"). */
export function issuerDidOf(platformDid: string, orgId: string): string {
  return `${platformDid}:issuer:${orgId}`
}

/** A subject's DID: `<platform DID>:user:<n>`; it resolves to `/user/<n>/did.json`. */
export function userDid(platformDid: string, userNumber: number): string {
  return `${platformDid}:user:${userNumber}`
}

/**
 * The platform's DID document: the identifier that issues credentials. Its signing key lives
 * on the separate platform key DID, as in Humanos's credentials.
 */
export function platformDidDocument(platformDid: string) {
  return { '@context': [DID_CONTEXT], id: platformDid }
}

/** The platform key's DID document, with the `Multikey` of `#key-1`. */
export function platformKeyDidDocument(
  keyDid: string,
  controller: string,
  publicKeyMultibase: string,
) {
  const keyId = `${keyDid}#key-1`
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: keyDid,
    controller,
    verificationMethod: [{ id: keyId, type: 'Multikey', controller: keyDid, publicKeyMultibase }],
    assertionMethod: [keyId],
    authentication: [keyId],
  }
}

/** An organization's issuer DID document: an identifier the platform controls. */
export function issuerDidDocument(platformDid: string, orgId: string) {
  return { '@context': [DID_CONTEXT], id: issuerDidOf(platformDid, orgId), controller: platformDid }
}

/** A subject's DID document: an identifier the platform controls, without keys of its own. */
export function userDidDocument(platformDid: string, userNumber: number) {
  return {
    '@context': [DID_CONTEXT],
    id: userDid(platformDid, userNumber),
    controller: platformDid,
  }
}

/** A credential's DID: `<platform DID>:credential:<uuid>` of `urn:via:credential:<uuid>`. */
export function credentialDid(platformDid: string, credentialId: string): string {
  return `${platformDid}:credential:${credentialId.replace(/^urn:via:credential:/, '')}`
}

/**
 * A credential's DID document: controlled by the requesting organization's issuer DID, with
 * the API address of the credential as its service.
 */
export function credentialDidDocument(did: string, issuerDid: string, credentialUrl: string) {
  return {
    '@context': [DID_CONTEXT],
    id: did,
    controller: issuerDid,
    service: [{ id: `${did}#credential`, type: 'VIAMandate', serviceEndpoint: credentialUrl }],
  }
}
