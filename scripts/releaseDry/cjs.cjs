// Run by scripts/releaseDry.mjs inside the scratch app: every entry loads with require().
// The sandbox is an ES module only; Node (20.19+) loads it through require(esm).
const assert = require('node:assert/strict')

const core = require('@humanos-link/core')
const protocol = require('@humanos-link/core/protocol')
const react = require('@humanos-link/react')
const embed = require('@humanos-link/embed')
const server = require('@humanos-link/server')
const sandbox = require('@humanos-link/sandbox')

assert.equal(typeof core.createHumanosLink, 'function', 'core: createHumanosLink')
assert.equal(typeof protocol.openResult, 'function', 'core/protocol: openResult')
assert.equal(typeof react.HumanosLink, 'function', 'react: HumanosLink')
assert.equal(typeof embed.defineHumanosLinkElement, 'function', 'embed: defineHumanosLinkElement')
assert.equal(typeof server.createHumanosClient, 'function', 'server: createHumanosClient')
assert.equal(typeof server.verifyWebhook, 'function', 'server: verifyWebhook')
assert.equal(typeof sandbox.startSandbox, 'function', 'sandbox: startSandbox')
process.stdout.write('CommonJS require: ok\n')
