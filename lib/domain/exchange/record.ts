// One line of the dossier exchange format (JSON Lines, one newcomer per line), as documented in
// docs/DOMAIN.md. Import, export and the demo-data generator all speak this type.
import type { Gender } from "@/lib/domain/national-number";

export type TargetGroupCode = "PLICHT" | "RECHT" | "ONBEPAALD";
export type NationalityGroupCode = "DERDELANDER" | "EU_PLUS" | "ONBEPAALD";
export type EventTypeCode =
  | "EXTRACTION" | "INVITATION" | "REGISTRATION" | "CONTRACT" | "ATTESTATION" | "INFRINGEMENT" | "DVZ_ADVICE";
export type DecisionOutcomeCode = "BOETE" | "GEEN_BOETE" | "GEEN_GEVOLG";
export type DvzFollowUpCode = "VERBLIJF_VERLENGD" | "VERBLIJF_NIET_VERLENGD" | "ONBEKEND";

/** The classification recorded on a record; omitted fields take the newcomer's. */
export interface ExchangeClassification {
  office?: string;
  nationality?: string;
  nationalityGroup?: NationalityGroupCode;
  residenceStatus?: string;
  targetGroup?: TargetGroupCode;
}

export interface ExchangeDecision {
  date: string;
  outcome: DecisionOutcomeCode;
  amountEur?: number;
}

export interface ExchangeEvent extends ExchangeClassification {
  type: EventTypeCode;
  /** YYYY-MM-DD */
  date: string;
  infringementType?: string;
  decision?: ExchangeDecision;
  contractSigned?: boolean;
  attestationObtained?: boolean;
  followUp?: DvzFollowUpCode;
}

export interface ExchangeNewcomer {
  nationalNumber: string;
  lastName: string;
  firstName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
  nationality: string;
  nationalityGroup?: NationalityGroupCode;
  residenceStatus: string;
  targetGroup: TargetGroupCode;
  office: string;
  events: ExchangeEvent[];
}
