// The pager of every list (lib/domain/lists/list-params.ts): previous / "page x of y" / next, as
// links that keep the list's filters. `more`: the count stopped at its cap ("more than N"), so
// there are pages beyond `pages` and next stays offered. Server component.
import Link from "next/link";

export function Pager(props: {
  page: number;
  pages: number;
  more?: boolean;
  href: (page: number) => string;
  label: string;
  pageText: string;
  previous: string;
  next: string;
}) {
  const hasNext = props.page < props.pages || (props.more ?? false);
  if (props.page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={props.label} className="flex items-center gap-3 text-sm">
      {props.page > 1 && (
        <Link className="btn-secondary" href={props.href(props.page - 1)} rel="prev" prefetch={false}>
          {props.previous}
        </Link>
      )}
      <span>{props.pageText}</span>
      {hasNext && (
        <Link className="btn-secondary" href={props.href(props.page + 1)} rel="next" prefetch={false}>
          {props.next}
        </Link>
      )}
    </nav>
  );
}
