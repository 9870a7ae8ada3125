// The workspace's shared test fixtures (browser-safe; Node helpers are in `./node`, the Vite
// plugin serving the frame page in `./vite`).
export { E2E_ORIGINS, UNREACHABLE_LINK_ORIGIN, linkUrl, portOf } from './origins.js'
export {
  UNSIGNED_ATTESTATION,
  credentialDecision,
  forgedDecision,
  identityDecision,
  sandboxDid,
  webhookEventOf,
} from './payloads.js'
export type { CredentialDecisionOptions } from './payloads.js'
export { createLinkFrame, frameDecision, frameParamsOf } from './linkFrame.js'
export type { DecideOptions, LinkFrame, LinkFrameParams, LinkFrameTransport } from './linkFrame.js'
export { fakeLinkFrame, linkIframeIn } from './fakeLinkFrame.js'
export { nextTask } from './nextTask.js'
export { watchAddedFrames } from './watchAddedFrames.js'
export type { AddedFramesWatch } from './watchAddedFrames.js'
export { groceriesAction, groceriesLimits } from './mandates.js'
export type { FakeLinkFrame } from './fakeLinkFrame.js'
