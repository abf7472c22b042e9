// Reads shared by several parts of one page render (the layout, the page, its
// forms), memoized for the request with React's cache(): one read per request,
// nothing kept between requests.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { loadProgramSettings } from "@/lib/settings";

/** The program settings, read and validated once per request. */
export const requestSettings = cache(() => loadProgramSettings(db()));
