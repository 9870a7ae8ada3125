// An HTTP proxy that can interfere with one exchange: it forwards a matching request, lets the
// upstream answer it, and then either holds the answer back (the caller waits; the test can kill
// the caller meanwhile) or drops it (the caller's connection is cut: a lost response); or it
// answers in the upstream's place without forwarding (a canned answer, such as a 429). Every
// other exchange passes through untouched.
import { createServer, request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Intercepted {
  status: number
  body: string
}

/** An answer given in the upstream's place. */
export interface Canned {
  status: number
  headers?: Record<string, string>
  body?: string
}

export interface FaultProxy {
  url: string
  /**
   * Interferes with the next exchange matching `method` and `path`; resolves with the upstream's
   * answer once it has it (the caller never receives it: held, or dropped), or, for a canned
   * answer, once the caller got that instead (the upstream never saw the request).
   */
  intercept(method: string, path: string, how: 'hold' | 'drop' | Canned): Promise<Intercepted>
  close(): Promise<void>
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream)
  let trap: {
    method: string
    path: string
    how: 'hold' | 'drop' | Canned
    done: (answer: Intercepted) => void
  } | null = null

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req)
      const requestPath = new URL(req.url ?? '/', upstream).pathname
      const canned = trap?.how
      if (
        trap &&
        typeof canned === 'object' &&
        req.method === trap.method &&
        requestPath === trap.path
      ) {
        const { done } = trap
        trap = null
        res.writeHead(canned.status, canned.headers).end(canned.body ?? '')
        done({ status: canned.status, body: canned.body ?? '' })
        return
      }
      const headers = { ...req.headers, host: target.host }
      const upstreamRes = await new Promise<IncomingMessage>((resolve, reject) => {
        const out = httpRequest(
          { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
          resolve,
        )
        out.on('error', reject)
        out.end(body)
      })
      const answer = await readAll(upstreamRes)
      if (trap && req.method === trap.method && requestPath === trap.path) {
        const { how, done } = trap
        trap = null
        done({ status: upstreamRes.statusCode ?? 0, body: answer.toString() })
        // Held: the caller waits for an answer that never comes. Dropped: cut it off now.
        if (how === 'drop') res.socket?.destroy()
        return
      }
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers)
      res.end(answer)
    })().catch(() => res.socket?.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    intercept: (method, path, how) =>
      new Promise<Intercepted>((done) => {
        trap = { method, path, how, done }
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
