import { HumanosApiError, HumanosRequestError } from '@humanos-link/server'
import { ApiError } from './apiError.js'

/**
 * What the browser is told when a call to Humanos fails: which side failed and, for an API
 * error, Humanos's own message (it describes the request, never the BFF's credentials). Anything
 * else is rethrown as the programming error it is.
 */
export function upstreamError(error: unknown): ApiError {
  if (error instanceof HumanosApiError) {
    if (error.status === 429) {
      return new ApiError(503, 'humanos_busy', 'Humanos is rate limiting this demo; try again soon')
    }
    return new ApiError(
      502,
      'humanos_error',
      `Humanos refused the call (${error.status}): ${error.message}`,
    )
  }
  if (error instanceof HumanosRequestError) {
    const why = error.reason === 'timeout' ? 'did not answer in time' : 'could not be reached'
    return new ApiError(502, 'humanos_unreachable', `Humanos ${why}; is the sandbox running?`)
  }
  throw error
}
