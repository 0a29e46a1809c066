import { AnswerPage } from "@/components/reports/answer-page";
import { translator } from "@/lib/i18n/messages";

export const metadata = { title: translator("reports")("answer.title") };

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AnswerPage searchParams={searchParams} />;
}
