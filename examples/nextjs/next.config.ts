import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Next 16's rendering model: static by default, dynamic where a request is read.
  cacheComponents: true,
  partialPrefetching: true,
}

export default nextConfig
