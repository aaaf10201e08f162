import { notFound } from "next/navigation";
import { ServiceError } from "@/lib/services/errors";

/** Awaits a service call and turns its 404 into Next's not-found page. */
export async function notFoundOn404<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) notFound();
    throw error;
  }
}
