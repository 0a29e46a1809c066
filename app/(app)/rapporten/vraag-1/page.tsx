import { QuestionPage } from "@/components/reports/question-page";
import { translator } from "@/lib/i18n/messages";

export const metadata = { title: translator("reports")("questions.vraag-1.title") };

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <QuestionPage slug="vraag-1" searchParams={searchParams} />;
}
