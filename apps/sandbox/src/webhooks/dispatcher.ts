/*
 * Webhook delivery with retries.
 * Guarantees: every event is stored before it is sent, and goes to the endpoint of the
 * organization it belongs to, encrypted and signed with that organization's secrets; so a crash or restart resumes pending
 * deliveries; every attempt for one event carries the same `x-webhook-id`; a receiver that
 * answers non-2xx (or not within the timeout) is retried with exponential backoff until the
 * attempts run out.
 * 1. `enqueue` stores the event (synchronously, inside the caller's transaction if any).
 * 2. A timer picks due deliveries; each attempt encrypts and signs afresh (new IV, timestamp).
 * 3. The outcome is stored: delivered, retry at now + backoff * 2^(attempt-1), or failed.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database.js'
import { dueDeliveries, insertDelivery, nextDueAt, recordAttempt } from '../db/webhookStore.js'
import type { DeliveryRow } from '../db/webhookStore.js'
import type { OrganizationSettings } from '../settingsSchema.js'
import { deriveWebhookKey, encryptWebhookBody, signWebhook } from './webhookCrypto.js'

const MAX_BACKOFF_MS = 60 * 60 * 1000
const BATCH = 8

/** What the dispatcher needs from the sandbox. */
export interface DispatcherOptions {
  db: Db
  /** One organization's settings in force. */
  settings: (orgId: string) => OrganizationSettings
  maxAttempts: number
  backoffMs: number
  timeoutMs: number
  log: (line: string) => void
}

/** Delivers stored webhook events; see the file comment. */
export class WebhookDispatcher {
  readonly #options: DispatcherOptions
  readonly #inFlight = new Map<string, Promise<void>>()
  readonly #shutdown = new AbortController()
  #timer: NodeJS.Timeout | undefined
  #closed = false

  constructor(options: DispatcherOptions) {
    this.#options = options
  }

  /**
   * Stores one event for delivery and returns its id (the `x-webhook-id`). With no webhook URL
   * configured it is stored as `skipped`, for `GET /_sandbox/webhooks`. Call {@link kick} after
   * the surrounding transaction commits.
   */
  enqueue(orgId: string, eventType: string, event: Record<string, unknown>): string {
    const id = randomUUID()
    const status = this.#options.settings(orgId).webhookUrl ? 'pending' : 'skipped'
    insertDelivery(this.#options.db, {
      id,
      orgId,
      eventType,
      payload: JSON.stringify(event),
      status,
      at: Date.now(),
    })
    return id
  }

  /** Looks for due deliveries now. */
  kick(): void {
    this.#schedule(0)
  }

  /** Waits for the attempts under way (tests use it to observe a settled state). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight.values()])
  }

  /** Stops the timer and aborts attempts under way; they stay pending for the next start. */
  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#timer)
    this.#shutdown.abort()
    await Promise.allSettled([...this.#inFlight.values()])
  }

  #schedule(delayMs: number): void {
    if (this.#closed) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, delayMs))
    this.#timer.unref()
  }

  #tick(): void {
    if (this.#closed) return
    const now = Date.now()
    for (const row of dueDeliveries(this.#options.db, now, BATCH + this.#inFlight.size)) {
      if (this.#inFlight.has(row.id) || this.#inFlight.size >= BATCH) continue
      const attempt = this.#attempt(row).finally(() => {
        this.#inFlight.delete(row.id)
        this.#scheduleNext()
      })
      this.#inFlight.set(row.id, attempt)
    }
    this.#scheduleNext()
  }

  #scheduleNext(): void {
    if (this.#closed || this.#options.db.open === false) return
    const due = nextDueAt(this.#options.db)
    if (due !== null) this.#schedule(due - Date.now())
  }

  async #attempt(row: DeliveryRow): Promise<void> {
    const settings = this.#options.settings(row.org_id)
    const db = this.#options.db
    const at = () => Date.now()
    if (!settings.webhookUrl) {
      const none = { nextAttemptAt: null, httpStatus: null, error: 'No webhook URL', at: at() }
      recordAttempt(db, row.id, { status: 'skipped', attempts: row.attempts, ...none })
      return
    }
    const { httpStatus, error, interrupted } = await this.#post(settings, row)
    // Cut short by close(): not an attempt the receiver answered, so it stays pending.
    if (interrupted) return
    const attempts = row.attempts + 1
    if (httpStatus !== null && httpStatus >= 200 && httpStatus < 300) {
      recordAttempt(db, row.id, {
        status: 'delivered',
        attempts,
        nextAttemptAt: null,
        httpStatus,
        error: null,
        at: at(),
      })
      return
    }
    const exhausted = attempts >= this.#options.maxAttempts
    const delay = Math.min(this.#options.backoffMs * 2 ** (attempts - 1), MAX_BACKOFF_MS)
    recordAttempt(db, row.id, {
      status: exhausted ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: exhausted ? null : at() + delay,
      httpStatus,
      error: error ?? `HTTP ${String(httpStatus)}`,
      at: at(),
    })
    this.#options.log(
      `webhook ${row.event_type} ${row.id}: attempt ${attempts} failed (${error ?? httpStatus})` +
        (exhausted ? ', giving up' : `, retrying in ${delay} ms`),
    )
  }

  async #post(
    settings: OrganizationSettings,
    row: DeliveryRow,
  ): Promise<{ httpStatus: number | null; error: string | null; interrupted: boolean }> {
    const key = deriveWebhookKey(settings.webhookEncryptionSecret, settings.webhookEncryptionSalt)
    const body = encryptWebhookBody(row.payload, key)
    const timestamp = String(Date.now())
    try {
      const response = await fetch(settings.webhookUrl ?? '', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'humanos-link-sandbox',
          'x-timestamp': timestamp,
          'x-signature': signWebhook(settings.webhookSignatureSecret, timestamp, body),
          'x-webhook-id': row.id,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.any([
          this.#shutdown.signal,
          AbortSignal.timeout(this.#options.timeoutMs),
        ]),
      })
      await response.body?.cancel().catch(() => undefined)
      return { httpStatus: response.status, error: null, interrupted: false }
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError'
      const message = timedOut
        ? `No answer within ${this.#options.timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : 'Request failed'
      return { httpStatus: null, error: message, interrupted: this.#shutdown.signal.aborted }
    }
  }
}
