// Loaded first by every page: records what the tests assert on.
//   window.embedLog       every humanos-link:* DOM event (and create() callbacks), in order
//   window.cspViolations  every Content-Security-Policy violation the page reports
window.embedLog = []
window.cspViolations = []

document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
  })
})

const plain = (value) =>
  value instanceof Error ? { name: value.name, code: value.code, message: value.message } : value

window.recordEmbed = (type, from, detail) =>
  window.embedLog.push({ type, from, detail: plain(detail) ?? null })

for (const name of ['ready', 'decision', 'success', 'exit', 'error', 'event']) {
  document.addEventListener(`humanos-link:${name}`, (event) => {
    const target = event.target
    window.recordEmbed(name, target.id || target.localName, event.detail)
  })
}
