// Type-checked by scripts/releaseDry.mjs (module nodenext) as a CommonJS consumer: the
// libraries resolve to their CommonJS builds and their `.d.cts` types.
import { createHumanosLink } from '@humanos-link/core'
import { HumanosLink } from '@humanos-link/react'
import { defineHumanosLinkElement } from '@humanos-link/embed'
import { createHumanosClient, verifyWebhook } from '@humanos-link/server'

export const entries = [createHumanosLink, HumanosLink, defineHumanosLinkElement, verifyWebhook]
export const client = createHumanosClient({ apiKey: 'k', signatureSecret: 's' })
