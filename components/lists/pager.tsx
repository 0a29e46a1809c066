// The pager of every list (lib/domain/lists/list-params.ts): previous / "page x of y" / next, as
// links that keep the list's filters. Server component.
import Link from "next/link";

export function Pager(props: { page: number; pages: number; href: (page: number) => string; label: string; pageText: string; previous: string; next: string }) {
  if (props.pages <= 1) return null;
  return (
    <nav aria-label={props.label} className="flex items-center gap-3 text-sm">
      {props.page > 1 && (
        <Link className="btn-secondary" href={props.href(props.page - 1)} rel="prev" prefetch={false}>
          {props.previous}
        </Link>
      )}
      <span>{props.pageText}</span>
      {props.page < props.pages && (
        <Link className="btn-secondary" href={props.href(props.page + 1)} rel="next" prefetch={false}>
          {props.next}
        </Link>
      )}
    </nav>
  );
}
