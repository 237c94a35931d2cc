import path from "node:path";

/**
 * Whether redeem-upload-token refuses a file. `refuseTypes` holds MIME types
 * (`application/x-msdownload`), wildcards (`text/*`) and extensions (`.exe`); a file is refused
 * when its part's Content-Type or its name matches any of them.
 */
export function isRefusedType(
  refuseTypes: readonly string[],
  fileName: string,
  contentType: string,
): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  const extension = path.extname(fileName).toLowerCase();
  return refuseTypes.some((entry) => {
    const rule = entry.trim().toLowerCase();
    if (rule.startsWith(".")) return extension === rule;
    if (rule.endsWith("/*")) return type.startsWith(rule.slice(0, -1));
    return type === rule;
  });
}
