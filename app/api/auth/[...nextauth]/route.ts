import type { NextRequest } from "next/server";
import { withoutBadCallbackUrl } from "@/lib/auth/callback-url";
import { handlers } from "@/lib/auth/config";
import { isSessionEndpoint, sessionEndpointNotFound } from "@/lib/auth/session-endpoint";

export const GET = (request: NextRequest) =>
  isSessionEndpoint(request.nextUrl.pathname) ? sessionEndpointNotFound() : handlers.GET(withoutBadCallbackUrl(request));
export const POST = (request: NextRequest) =>
  isSessionEndpoint(request.nextUrl.pathname) ? sessionEndpointNotFound() : handlers.POST(withoutBadCallbackUrl(request));
