import { AnswerPage } from "@/app/(app)/rapporten/_pages/answer-page";
import { pageTitle } from "@/lib/server/i18n/request-locale";

export const generateMetadata = pageTitle("reports", "answer.title");

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AnswerPage searchParams={searchParams} />;
}
