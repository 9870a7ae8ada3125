'use client'
// The React binding of @humanos-link/core. Everything an integrator needs is exported from here,
// core types and error codes included, so one package is enough.

export { HumanosLink } from './HumanosLink'
export type { HumanosLinkProps } from './HumanosLink'
export { HumanosLinkProvider } from './HumanosLinkProvider'
export type { HumanosLinkProviderProps } from './HumanosLinkProvider'
export { useHumanosLink } from './useHumanosLink'
export type { UseHumanosLinkOptions, UseHumanosLinkResult } from './useHumanosLink'
export { useHumanosLinkStatus } from './useHumanosLinkStatus'

export { ErrorCodes, HumanosLinkError, isErrorCode, generateHostKeyPair } from '@humanos-link/core'
export type {
  CredentialResultPayload,
  ErrorCode,
  ExitReason,
  HostKeyPair,
  HumanosLinkHandle,
  HumanosLinkOptions,
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
