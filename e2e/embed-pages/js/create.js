// HumanosLink.create: the core's options and handle, from the script tag's global.
const link = new URLSearchParams(location.search).get('link')
const record = (type) => (detail) => window.recordEmbed(type, 'create', detail)

window.embedHandle = window.HumanosLink.create({
  link,
  container: document.getElementById('flow'),
  onReady: record('ready'),
  onDecision: record('decision'),
  onSuccess: record('success'),
  onExit: record('exit'),
  onError: record('error'),
})
