// What each role is called on screen.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_LABELS: Record<Role, string> = {
  CONSORTIUM_MEMBER: "Consortium member",
  COMMERCE_REVIEWER: "Commerce reviewer",
  EXIM_OFFICER: "EXIM officer",
  ADMINISTRATOR: "Administrator",
};
