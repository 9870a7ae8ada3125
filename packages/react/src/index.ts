'use client'
// The React binding of @humanos-link/core. Everything an integrator needs is exported from here,
// core types and error codes included, so one package is enough.

export { HumanosLink } from './HumanosLink.js'
export type { HumanosLinkProps } from './HumanosLink.js'
export { HumanosLinkProvider } from './HumanosLinkProvider.js'
export type { HumanosLinkProviderProps } from './HumanosLinkProvider.js'
export { useHumanosLink } from './useHumanosLink.js'
export type { UseHumanosLinkOptions, UseHumanosLinkResult } from './useHumanosLink.js'
export { useHumanosLinkStatus } from './useHumanosLinkStatus.js'

export { ErrorCodes, HumanosLinkError, isErrorCode, generateHostKeyPair } from '@humanos-link/core'
export type {
  CredentialResultPayload,
  ErrorCode,
  ExitReason,
  HostKeyPair,
  HumanosLinkHandle,
  HumanosLinkOptions,
  LinkCallbacks,
  LinkController,
  LinkControllerOptions,
  IdentityResultPayload,
  LinkEventName,
  LinkEventSummary,
  LinkLanguage,
  LinkMode,
  LinkResultPayload,
  LinkResultUser,
  LinkState,
  LinkStatus,
  LinkTheme,
} from '@humanos-link/core'
