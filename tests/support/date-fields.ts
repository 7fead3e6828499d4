import type { Page } from "@playwright/test";

/** Types a date into a GOV.UK date input (day, month and year boxes under one legend), as "1 9 2026". */
export async function fillDate(page: Page, legend: string, dayMonthYear: string) {
  const [day = "", month = "", year = ""] = dayMonthYear.split(" ");
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}
