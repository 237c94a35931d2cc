// A stand-in for the one Next.js API the callback-routing guide uses: Next.js itself is not
// installed in this repository. The real `useSearchParams` returns a ReadonlyURLSearchParams.
declare module "next/navigation" {
  /** The current URL's query, read-only (Next.js App Router, client components). */
  export function useSearchParams(): Omit<URLSearchParams, "append" | "delete" | "set" | "sort">;
}
