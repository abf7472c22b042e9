// Reading the program's settings and reference data for administrators.
import type { Db } from "@/lib/db";

export async function listSettings(client: Db) {
  const [settings, groups] = await Promise.all([
    client.setting.findMany({ orderBy: { key: "asc" } }),
    client.countryGroup.findMany({
      orderBy: { code: "asc" },
      include: { members: { include: { country: { select: { name: true } } }, orderBy: { country: { name: "asc" } } } },
    }),
  ]);
  return { settings, groups };
}
