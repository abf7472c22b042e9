import type { FinancingProduct, ObligorSector } from "@/lib/generated/prisma/enums";

export const PRODUCT_LABELS: Readonly<Record<FinancingProduct, string>> = {
  LOAN_GUARANTEE: "Loan guarantee",
  DIRECT_LOAN: "Direct loan",
  EXPORT_CREDIT_INSURANCE: "Medium-term export credit insurance",
};

export const OBLIGOR_SECTOR_LABELS: Readonly<Record<ObligorSector, string>> = {
  SOVEREIGN: "Sovereign",
  PUBLIC_NON_SOVEREIGN: "Public non-sovereign (50% or more state-owned)",
  PRIVATE: "Private",
};
