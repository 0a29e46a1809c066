// One line of the dossier exchange format (JSON Lines, one newcomer per line), as documented in
// docs/DOMAIN.md. Import, export and the demo-data generator all speak this type.
import type { DecisionCode, DvzFollowUpCode, EventTypeCode, NationalityGroupCode, TargetGroupCode } from "@/lib/domain/codes";
import type { Gender } from "@/lib/domain/national-number";

// the code sets live in lib/domain/codes.ts; re-exported under the names the exchange code uses
export type { DvzFollowUpCode, EventTypeCode, NationalityGroupCode, TargetGroupCode };
export type DecisionOutcomeCode = DecisionCode;

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

/** The newcomer's contact details (issue 14), every key optional; see docs/DOMAIN.md. */
export interface ExchangeContact {
  street?: string;
  houseNumber?: string;
  boxNumber?: string;
  postalCode?: string;
  city?: string;
  /** ISO 3166 alpha-2; BE when an address is given without one */
  countryCode?: string;
  /** any written form; stored and exported in E.164 */
  phoneNumber?: string;
  emailAddress?: string;
  /** ISO 639 code of CONTACT_LANGUAGES */
  contactLanguage?: string;
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
  contact?: ExchangeContact;
  events: ExchangeEvent[];
}
