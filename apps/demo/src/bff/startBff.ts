import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { resolveBffConfig } from './config.js'
import type { BffConfig } from './config.js'
import { createBff } from './createBff.js'
import type { CreateBffOptions } from './createBff.js'

/** A BFF that is listening. */
export interface RunningBff {
  /** Its base URL, with the port actually bound. */
  url: string
  /** Stops the server, then closes the database. Safe to call twice. */
  close(): Promise<void>
}

/**
 * Creates the BFF and listens; `port: 0` picks a free port (tests).
 * @throws Error for an invalid configuration, a database it cannot open or a port in use.
 */
export async function startBff(
  options: Partial<BffConfig> = {},
  extra: CreateBffOptions = {},
): Promise<RunningBff> {
  const config = resolveBffConfig(options)
  const bff = createBff(config, extra)
  const server = createAdaptorServer({ fetch: bff.app.fetch }) as Server
  const { host } = config
  let address: AddressInfo
  try {
    address = await new Promise<AddressInfo>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, host, () => resolve(server.address() as AddressInfo))
    })
  } catch (error) {
    bff.close()
    throw error
  }
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }).then(() => bff.close())),
  }
}
