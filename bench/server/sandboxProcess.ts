// A sandbox in a process of its own for the load runs, so the load generator and the server do
// not share an event loop. Its URL goes to the parent over IPC; SIGTERM or losing the parent
// stops it. The request-creation rate limit is raised, or the run would measure 429s.
import { startSandbox } from '@humanos-link/sandbox'

const sandbox = await startSandbox({
  port: 0,
  dataFile: ':memory:',
  rateLimitPerMinute: 10_000_000,
  logRequests: false,
})
const stop = () => void sandbox.close().finally(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('disconnect', stop)
process.send?.({ url: sandbox.url })
