import { QueryClient } from '@tanstack/react-query'
import { BffError } from './api/bffClient.js'

/**
 * Queries retry twice on network trouble and 5xx, never on a 4xx (asking again will not fix
 * it). Mutations never retry by themselves: creating a request twice is not a retry.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) =>
          failures < 2 && !(error instanceof BffError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  })
}
