// npm run publish -- --title T --question 113 [--question-date D --member M] --tables answer|MEASURE:DIM[,DIM][;…]
//   --from 2019 --to 2022 --as-of 2023-01-15 [--status VOORLOPIG|DEFINITIEF] [--provisional ID] [--publication]
//   [--agency CODE] [--question-text FILE|-] [--intro TEXT] --as EMAIL
// --question-text: the question as printed above the answer, read from FILE (or standard input for
// "-", e.g. a here-document); --intro: the introduction ("De cijfers geven de situatie weer op …").
// Publishes (issue 13) through the same data-layer function as the web form (publishReport), as
// the named account (scripts/lib/cli-publisher.ts), and prints the new publication's id.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { asPublisher, cliError } from "./lib/cli-publisher";

const USAGE =
  "Gebruik: npm run publish -- --title TITEL --question NR [--question-date JJJJ-MM-DD] [--member NAAM] --tables answer|MAATSTAF:DIM[,DIM] " +
  "--from JAAR --to JAAR --as-of JJJJ-MM-DD [--status VOORLOPIG|DEFINITIEF] [--provisional ID] [--publication] [--agency CODE] " +
  "[--question-text BESTAND|-] [--intro TEKST] --as E-MAIL";

async function main() {
  const { values } = parseArgs({
    options: {
      title: { type: "string" },
      question: { type: "string" },
      "question-date": { type: "string" },
      member: { type: "string" },
      tables: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "as-of": { type: "string" },
      status: { type: "string", default: "VOORLOPIG" },
      provisional: { type: "string" },
      publication: { type: "boolean", default: false },
      agency: { type: "string" },
      "question-text": { type: "string" },
      intro: { type: "string" },
      as: { type: "string" },
    },
  });
  // the file's text as it is (the schema trims it and refuses control characters and over-long texts)
  const questionFile = values["question-text"];
  const questionText = questionFile === undefined ? null : fs.readFileSync(questionFile === "-" ? 0 : questionFile, "utf8");
  const { publishReport } = await import("../lib/server/reports/publish");
  const { id } = await asPublisher(values.as, (actor) =>
    publishReport(actor, {
      title: values.title ?? "",
      questionNumber: values.question ?? "",
      questionDate: values["question-date"] ?? null,
      questionMember: values.member ?? null,
      tables: values.tables ?? "",
      from: values.from ?? "",
      to: values.to ?? "",
      asOf: values["as-of"] ?? "",
      status: values.status!.toUpperCase() as "VOORLOPIG",
      forPublication: values.publication,
      provisionalId: values.provisional ?? null,
      agency: values.agency ?? null,
      questionText,
      introduction: values.intro ?? null,
    }),
  );
  console.log(id);
}

main().catch((e: unknown) => {
  console.error(`${cliError(e)}\n${USAGE}`);
  process.exit(1);
});
