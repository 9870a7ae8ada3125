import { DEFAULT_BACKOFF } from './retry.js'
import type { BackoffOptions } from './retry.js'
import { HUMANOS_API_VERSION, HUMANOS_PRODUCTION_URL } from './types.js'

/** Options of {@link createHumanosClient}. */
export interface HumanosClientOptions {
  /** Your organization's API key, sent as `Authorization: Bearer`. Server-side only. */
  apiKey: string
  /** Your signature secret, which signs every request. Server-side only. */
  signatureSecret: string
  /** API base URL. Default `https://api.humanos.id` (production); point it at the sandbox in development. */
  baseUrl?: string | URL
  /** Sent as `API-Version` on every call. Default `2026-05-17`, the version these types describe. */
  apiVersion?: string
  /** Time limit of one attempt, body included. Default 30000 ms. */
  timeoutMs?: number
  /** Retries after the first attempt, for the cases that are safe to repeat. Default 2. */
  maxRetries?: number
  /** Backoff between retries (tests set it near zero). */
  backoff?: BackoffOptions
  /** The `fetch` to use. Default the global `fetch` of Node 20+. */
  fetch?: typeof fetch
}

/** Options after validation and defaults (internal). */
export interface ResolvedClientOptions {
  apiKey: string
  signatureSecret: string
  baseUrl: string
  apiVersion: string
  timeoutMs: number
  maxRetries: number
  backoff: Required<BackoffOptions>
  fetch: typeof fetch
}

const API_VERSION = /^\d{4}-\d{2}-\d{2}$/

function nonEmpty(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new TypeError(`createHumanosClient: ${name} must be a non-empty string`)
  }
  return value
}

function count(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new TypeError(`createHumanosClient: ${name} must be an integer from 0 to ${max}`)
  }
  return value
}

function duration(value: unknown, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new TypeError(`createHumanosClient: ${name} must be a finite number of milliseconds`)
  }
  return value
}

function resolveBaseUrl(value: unknown): string {
  if (value === undefined) return HUMANOS_PRODUCTION_URL
  if (typeof value !== 'string' && !(value instanceof URL)) {
    throw new TypeError('createHumanosClient: baseUrl must be a URL string or URL')
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new TypeError(`createHumanosClient: baseUrl is not a valid URL: ${String(value)}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('createHumanosClient: baseUrl must be an http(s) URL')
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new TypeError(
      'createHumanosClient: baseUrl must not carry a query, fragment or credentials',
    )
  }
  // Paths are appended, so a base with a prefix (`https://gw.example/humanos`) keeps it.
  return url.href.replace(/\/+$/, '')
}

/** Validates {@link HumanosClientOptions} and fills defaults; throws `TypeError` on misuse. */
export function resolveClientOptions(options: unknown): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createHumanosClient: options must be an object')
  }
  const o = options as Partial<Record<keyof HumanosClientOptions, unknown>>
  const apiVersion = o.apiVersion ?? HUMANOS_API_VERSION
  if (typeof apiVersion !== 'string' || !API_VERSION.test(apiVersion)) {
    throw new TypeError('createHumanosClient: apiVersion must look like YYYY-MM-DD')
  }
  const fetchImpl = o.fetch ?? globalThis.fetch
  if (typeof fetchImpl !== 'function') {
    throw new TypeError(
      'createHumanosClient: fetch must be a function (Node 20+ has a global fetch)',
    )
  }
  const b = o.backoff ?? {}
  if (typeof b !== 'object' || b === null) {
    throw new TypeError('createHumanosClient: backoff must be an object')
  }
  const backoff = b as Partial<Record<keyof BackoffOptions, unknown>>
  const apiKey = nonEmpty(o.apiKey, 'apiKey')
  // It goes into a header: a stray newline would make every call fail as a "network" error.
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError('createHumanosClient: apiKey must be visible ASCII without spaces')
  }
  return {
    apiKey,
    signatureSecret: nonEmpty(o.signatureSecret, 'signatureSecret'),
    baseUrl: resolveBaseUrl(o.baseUrl),
    apiVersion,
    timeoutMs: duration(o.timeoutMs, 'timeoutMs', 30_000, 1),
    maxRetries: count(o.maxRetries, 'maxRetries', 2, 10),
    backoff: {
      initialDelayMs: duration(
        backoff.initialDelayMs,
        'backoff.initialDelayMs',
        DEFAULT_BACKOFF.initialDelayMs,
      ),
      maxDelayMs: duration(backoff.maxDelayMs, 'backoff.maxDelayMs', DEFAULT_BACKOFF.maxDelayMs),
      maxRetryAfterMs: duration(
        backoff.maxRetryAfterMs,
        'backoff.maxRetryAfterMs',
        DEFAULT_BACKOFF.maxRetryAfterMs,
      ),
    },
    fetch: fetchImpl as typeof fetch,
  }
}
