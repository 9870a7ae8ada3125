// GET /api/requests/:requestId: what this server verified about a request, by either channel.
// Only for the request this browser started (lib/ownRequest.ts): ids are not secrets.
import { decisionsOf } from '@/lib/decisions'
import { isOwnRequest } from '@/lib/ownRequest'

export async function GET(_req: Request, ctx: RouteContext<'/api/requests/[requestId]'>) {
  const { requestId } = await ctx.params
  if (!(await isOwnRequest(requestId))) {
    return Response.json({ error: 'unknown_request' }, { status: 404 })
  }
  return Response.json({ requestId, decisions: decisionsOf(requestId) })
}
