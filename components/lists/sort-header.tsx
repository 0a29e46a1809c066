// A sortable column header: a link to the list sorted by this column (reversed when it already
// is), with aria-sort on the current one. Server component; the rule is nextSort (list-params.ts).
import Link from "next/link";
import { nextSort, type SortParam } from "@/lib/domain/lists/list-params";

export function SortHeader<K extends string>(props: {
  column: K;
  current: { sort: K; desc: boolean };
  href: (sort: SortParam<K>) => string;
  label: string;
  title: string;
  className?: string;
}) {
  const active = props.current.sort === props.column;
  const ariaSort = active ? (props.current.desc ? "descending" : "ascending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort} className={props.className}>
      <Link href={props.href(nextSort(props.current, props.column))} title={props.title} className="underline decoration-dotted" prefetch={false}>
        {props.label}
        {active ? (props.current.desc ? " ▼" : " ▲") : ""}
      </Link>
    </th>
  );
}
