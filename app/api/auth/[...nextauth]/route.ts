import type { NextRequest } from "next/server";
import { withoutBadCallbackUrl } from "@/lib/auth/callback-url";
import { handlers } from "@/lib/auth/config";

export const GET = (request: NextRequest) => handlers.GET(withoutBadCallbackUrl(request));
export const POST = (request: NextRequest) => handlers.POST(withoutBadCallbackUrl(request));
