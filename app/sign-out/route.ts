import { respondWithError } from "@/app/api/v1/handler";
import { signOut } from "@/lib/services/session";

export const dynamic = "force-dynamic";

/** Sign-out (a form POST from the shell): 303 to the identity provider's logout, then /signed-out. */
export async function POST(request: Request): Promise<Response> {
  try {
    const { location, clearCookies } = await signOut(request.headers);
    const response = new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
    for (const cookie of clearCookies) response.headers.append("Set-Cookie", cookie);
    return response;
  } catch (error) {
    return respondWithError(error);
  }
}
