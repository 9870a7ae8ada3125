/** Every TanStack Query key of the app, so invalidations cannot drift from the queries. */
export const queryKeys = {
  requests: ['requests'] as const,
  request: (requestId: string) => ['requests', requestId] as const,
  webhooks: ['webhooks'] as const,
  agent: ['agent'] as const,
  mandate: (requestId: string) => ['mandates', requestId] as const,
  activity: (requestId: string) => ['mandates', requestId, 'activity'] as const,
}
