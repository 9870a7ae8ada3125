// The demo's BFF in a process of its own for the load runs, talking to the sandbox whose URL
// is the first argument. Its create rate limit is raised for the run; its URL goes to the
// parent over IPC.
import { startBff } from '../../apps/demo/src/bff/startBff.js'

const humanosBaseUrl = process.argv[2]
if (!humanosBaseUrl) throw new Error('usage: bffProcess.ts <sandbox URL>')

const bff = await startBff(
  {
    port: 0,
    humanosBaseUrl,
    dataFile: ':memory:',
    createLimitPerMinute: 10_000_000,
  },
  // One log line per created request would put console I/O in the measured path.
  { log: () => {} },
)
const stop = () => void bff.close().finally(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('disconnect', stop)
process.send?.({ url: bff.url })
