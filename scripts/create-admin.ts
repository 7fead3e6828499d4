// npm run admin:create -- --email ADDRESS --name "FULL NAME" [--password-stdin]
// Makes the first administrator of an installation, or promotes an existing member.
import "./load-env";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { databaseConfigFromEnv, openDatabase } from "@/lib/db";
import { prepareDatabase } from "@/lib/database/prepare";
import { createOrPromoteAdministrator } from "@/lib/users/create-admin";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, "password-stdin": { type: "boolean", default: false } },
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = terminal as unknown as { _writeToOutput: (text: string) => void };
    terminal.question(question, (answer) => {
      terminal.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    output._writeToOutput = () => undefined;
    process.stdout.write(question);
  });
}

async function password(): Promise<string> {
  if (values["password-stdin"]) return readStdin();
  if (!process.stdin.isTTY) throw new Error("Give the password on standard input with --password-stdin, or run this in a terminal.");
  const first = await askHidden("Password for the new administrator: ");
  const again = await askHidden("The same password again: ");
  if (first !== again) throw new Error("The two passwords are not the same; nothing was changed.");
  return first;
}

if (!values.email || !values.name) {
  console.error('Usage: npm run admin:create -- --email admin@hospital.nhs.uk --name "Full Name" [--password-stdin]');
  process.exit(2);
}
const database = openDatabase(databaseConfigFromEnv());
try {
  // A new installation may not have started yet: bring the database up to date first.
  await prepareDatabase(database, { demo: false });
  const result = await createOrPromoteAdministrator(database, { email: values.email, name: values.name }, password);
  const said = { created: "Created the administrator", promoted: "Made the existing member an administrator:", already: "Already an administrator:" };
  console.log(`${said[result.outcome]} ${values.email.trim().toLowerCase()}`);
} catch (error) {
  console.error(error instanceof ZodError ? error.issues.map((issue) => issue.message).join("\n") : (error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
