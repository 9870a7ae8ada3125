// A real HTTP webhook receiver for tests: it decrypts and verifies deliveries with the scheme of
// humanos-api.md, written here from the spec (it shares no code with the sandbox's sender).
import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Delivery {
  id: string | undefined
  timestamp: string
  signatureValid: boolean
  rawBody: string
  /** The decrypted event, or `null` when it did not decrypt. */
  event: Record<string, unknown> | null
  answered: number
}

export interface ReceiverSecrets {
  signatureSecret: string
  encryptionSecret: string
  encryptionSalt: string
}

export interface WebhookReceiver {
  url: string
  deliveries: Delivery[]
  /** Resolves once `count` deliveries have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Delivery[]>
  close(): Promise<void>
}

function decrypt(rawBody: string, secrets: ReceiverSecrets): Record<string, unknown> | null {
  try {
    const { iv, data, tag } = JSON.parse(rawBody) as Record<string, string>
    const password = Buffer.from(secrets.encryptionSecret, 'base64')
    const key = pbkdf2Sync(
      password,
      Buffer.from(secrets.encryptionSalt, 'utf8'),
      10_000,
      32,
      'sha256',
    )
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64'))
    decipher.setAuthTag(Buffer.from(tag!, 'base64'))
    const plain = Buffer.concat([decipher.update(Buffer.from(data!, 'base64')), decipher.final()])
    return JSON.parse(plain.toString('utf8')) as Record<string, unknown>
  } catch {
    return null
  }
}

/**
 * Starts a receiver on a free port. `answer(n)` gives the status for the n-th delivery (from 0);
 * returning `null` never answers (to exercise timeouts).
 */
export async function startWebhookReceiver(
  secrets: ReceiverSecrets,
  answer: (index: number) => number | null = () => 200,
): Promise<WebhookReceiver> {
  const deliveries: Delivery[] = []
  const waiters: Array<() => void> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8')
      const timestamp = String(req.headers['x-timestamp'] ?? '')
      const expected = createHmac('sha256', secrets.signatureSecret)
        .update(`${timestamp}.${rawBody}`)
        .digest()
      const given = Buffer.from(String(req.headers['x-signature'] ?? ''), 'hex')
      const status = answer(deliveries.length)
      deliveries.push({
        id: req.headers['x-webhook-id'] as string | undefined,
        timestamp,
        signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
        rawBody,
        event: decrypt(rawBody, secrets),
        answered: status ?? 0,
      })
      waiters.splice(0).forEach((wake) => wake())
      if (status === null) return
      res.writeHead(status)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    // Woken by each delivery; the timer is only the deadline that turns a hang into an error.
    waitFor(count, timeoutMs = 5000) {
      return new Promise<Delivery[]>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`Expected ${count} deliveries, got ${deliveries.length}`))
        }, timeoutMs)
        const check = () => {
          if (deliveries.length < count) return void waiters.push(check)
          clearTimeout(timer)
          resolve(deliveries.slice(0, count))
        }
        check()
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
