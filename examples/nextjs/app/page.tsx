import { Approval } from '@/app/Approval'

// A server component: it renders the static shell, the client component does the rest.
export default function Home() {
  return (
    <main>
      <h1>Newsletter</h1>
      <p>Confirm with Humanos that you want the monthly newsletter.</p>
      <Approval />
    </main>
  )
}
