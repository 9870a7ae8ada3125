// GET /api/requests/:requestId: what this server verified about a request, by either channel.
// Request ids are random UUIDs; in your app, also check the request belongs to the signed-in user.
import { decisionsOf } from '@/lib/decisions'

export async function GET(_req: Request, ctx: RouteContext<'/api/requests/[requestId]'>) {
  const { requestId } = await ctx.params
  return Response.json({ requestId, decisions: decisionsOf(requestId) })
}
