import "server-only";
import { db } from "@/lib/db";

export interface RegionOption {
  id: string;
  name: string;
  sites: { id: string; name: string; city: string }[];
}

/** Training regions with their hospitals, for pickers on public forms. */
export async function listRegionsWithSites(): Promise<RegionOption[]> {
  return db.deanery.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      sites: { orderBy: { name: "asc" }, select: { id: true, name: true, city: true } },
    },
  });
}
