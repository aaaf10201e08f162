import { redirect } from "next/navigation";
import type { ServiceContext } from "@/lib/services/context";
import { getPageContext, UnauthenticatedError } from "@/lib/services/request-context";

/**
 * The context of the page being rendered; a visitor without a valid session is sent to sign in.
 * The proxy does this earlier for unsigned visitors; this catches sessions that expired since.
 */
export async function requirePageContext(): Promise<ServiceContext> {
  try {
    return await getPageContext();
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/sign-in");
    throw error;
  }
}
