interface SkeletonListProps {
  label: string
  rows?: number
}

/** Placeholder rows while a list loads; announced once as busy, not row by row. */
export function SkeletonList({ label, rows = 3 }: SkeletonListProps) {
  return (
    <div className="skeleton-list" aria-busy="true" aria-label={label} role="status">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton-row" aria-hidden="true">
          <span className="skeleton-line wide" />
          <span className="skeleton-line" />
        </div>
      ))}
    </div>
  )
}
