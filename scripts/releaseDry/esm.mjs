// Run by scripts/releaseDry.mjs inside the scratch app: every entry imports from an ES module.
import assert from 'node:assert/strict'
import * as core from '@humanos-link/core'
import * as protocol from '@humanos-link/core/protocol'
import * as embed from '@humanos-link/embed'
import * as react from '@humanos-link/react'
import * as sandbox from '@humanos-link/sandbox'
import * as server from '@humanos-link/server'

assert.equal(typeof core.createHumanosLink, 'function', 'core: createHumanosLink')
assert.equal(typeof core.ErrorCodes, 'object', 'core: ErrorCodes')
assert.equal(typeof protocol.sealResult, 'function', 'core/protocol: sealResult')
assert.equal(typeof react.HumanosLink, 'function', 'react: HumanosLink')
assert.equal(typeof react.useHumanosLink, 'function', 'react: useHumanosLink')
assert.equal(typeof embed.defineHumanosLinkElement, 'function', 'embed: defineHumanosLinkElement')
assert.equal(typeof server.createHumanosClient, 'function', 'server: createHumanosClient')
assert.equal(typeof server.verifyAttestation, 'function', 'server: verifyAttestation')
assert.equal(typeof sandbox.startSandbox, 'function', 'sandbox: startSandbox')
process.stdout.write('ESM imports: ok\n')
