import { QuestionPage } from "@/app/(app)/rapporten/_pages/question-page";
import { pageTitle } from "@/lib/server/i18n/request-locale";

export const generateMetadata = pageTitle("reports", "questions.vraag-2.title");

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <QuestionPage slug="vraag-2" searchParams={searchParams} />;
}
