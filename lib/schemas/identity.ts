// Inputs of signing in and of managing accounts: one schema each, shared by
// the form and the server.
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { newPasswordProblem } from "@/lib/passwords";
import { id } from "./fields";

export const secondFactorSchema = z.object({
  code: z.string({ error: "Enter the code." }).trim().min(1, "Enter the 6-digit code from your authenticator app, or a recovery code.").max(40, "That code is too long."),
  callbackUrl: z.string().max(2000).optional(),
});

export const enrollmentSchema = z.object({
  code: z.string({ error: "Enter the code." }).trim().min(1, "Enter the 6-digit code your authenticator app shows.").max(20, "That code is too long."),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256),
    newPassword: z.string().superRefine((value, ctx) => {
      const problem = newPasswordProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords are not the same." });
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

export const userRoleSchema = z.object({
  userId: id,
  role: z.enum(Role, { error: "Choose a role." }),
});

export const userAccessSchema = z.object({
  userId: id,
  access: z.enum(["enable", "disable"], { error: "Choose whether the account may sign in." }),
});

export const userIdSchema = z.object({ userId: id });

/** Listing accounts: a search and a cursor (the last email of the previous page). */
export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  after: z.string().max(320).optional().catch(undefined),
});
