import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/users/authenticate";
import { createUser, FACTORY_PASSWORD } from "../support/factories";

describe("signing in", () => {
  it("knows the person by e-mail in any case and the right password", async () => {
    const user = await createUser({ email: "ines.costa@example.net", name: "Inês Costa" });
    expect(await authenticate({ email: "Ines.Costa@EXAMPLE.net", password: FACTORY_PASSWORD })).toEqual({
      id: user.id,
      name: "Inês Costa",
      email: "ines.costa@example.net",
    });
  });

  it("refuses a wrong password, an unknown e-mail and a malformed request alike", async () => {
    await createUser({ email: "wei.zhang@example.net" });
    expect(await authenticate({ email: "wei.zhang@example.net", password: "not the password" })).toBeNull();
    expect(await authenticate({ email: "nobody@example.net", password: FACTORY_PASSWORD })).toBeNull();
    expect(await authenticate({ email: ["wei.zhang@example.net"], password: FACTORY_PASSWORD })).toBeNull();
    expect(await authenticate(undefined)).toBeNull();
  });

  it("never reads a password hash unless asked for it by name", async () => {
    const user = await createUser();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
  });
});
