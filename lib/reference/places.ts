import "server-only";
import { db } from "@/lib/db";

export interface RegionOption {
  id: string;
  name: string;
  sites: { id: string; name: string; city: string }[];
}

/**
 * Training regions with their hospitals, for pickers on public forms. Only listed hospitals are
 * offered: a retired or merged entry stays on what already names it, and a member's request is
 * shown only to that member (by the forms that need it).
 */
export async function listRegionsWithSites(): Promise<RegionOption[]> {
  return db.deanery.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      sites: { where: { listing: "LISTED" }, orderBy: { name: "asc" }, select: { id: true, name: true, city: true } },
    },
  });
}
