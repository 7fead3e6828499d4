import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether a write failed on a unique constraint: the database's last word on a
 * duplicate that a check before the write could not see (two requests at once).
 */
export const isUniqueViolation = (error: unknown): error is Prisma.PrismaClientKnownRequestError =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
