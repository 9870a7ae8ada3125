// Fails when sender-side code reaches a host bundle. Host pages only open results; sealing them
// (sealResult, sealBytesWith) and building frame messages (createLinkMessage) belong to the Link
// frame, and shipping them to every integrator's page would be dead weight at best.
// It bundles every entry of .size-limit.json exactly as the size budgets measure it and looks
// for markers that only the sender side produces. `--entry <file> --import <names>` checks one
// other entry instead (used to prove the check fails on a bundle that does import sealResult).
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { bundleEntry, hostEntries, repositoryRoot } from './sizeBundle.mjs'

// Each marker survives minification (strings and property names are never renamed) and has
// no host-side use: hosts decrypt and never encrypt, and never mint message ids or salts.
const SENDER_MARKERS = [
  { pattern: /\.encrypt\(/, what: 'AES-GCM encryption (subtle.encrypt, from sealBytesWith)' },
  { pattern: /["'`]encrypt["'`]/, what: 'an "encrypt" key usage (sealResult key derivation)' },
  { pattern: /sealResult needs a/, what: 'sealBytesWith’s salt/IV check' },
  { pattern: /getRandomValues/, what: 'random salt/IV generation (sealResult)' },
  { pattern: /randomUUID/, what: 'message id generation (createLinkMessage)' },
]

const { values } = parseArgs({
  options: { entry: { type: 'string' }, import: { type: 'string' } },
})

// Besides the budgets' entries: every runtime name of the core's host entry at once, so nothing
// the main entry exports pulls the frame side in (that lives behind `@humanos-link/core/protocol`).
async function wholeHostEntry() {
  const from = resolve(repositoryRoot, 'packages/core/dist/index.js')
  const names = Object.keys(await import(pathToFileURL(from).href))
  return { name: '@humanos-link/core: the whole host entry', from, imports: `{ ${names} }` }
}

const entries = values.entry
  ? [{ name: values.entry, from: resolve(values.entry), imports: values.import, external: [] }]
  : [...(await hostEntries()), await wholeHostEntry()]

let failed = false
for (const entry of entries) {
  let code
  try {
    code = new TextDecoder().decode(await bundleEntry(entry))
  } catch (error) {
    // A missing build (dist/) must fail the check, not pass it by measuring nothing.
    console.error(
      `✗ ${entry.name}: could not bundle it (${error.errors?.[0]?.text ?? error.message})`,
    )
    failed = true
    continue
  }
  const found = SENDER_MARKERS.filter(({ pattern }) => pattern.test(code))
  if (found.length === 0) {
    console.info(`✓ ${entry.name}: no sender-side code`)
    continue
  }
  failed = true
  console.error(`✗ ${entry.name}: sender-side code in a host bundle:`)
  for (const { what } of found) console.error(`    - ${what}`)
}
process.exit(failed ? 1 : 0)
