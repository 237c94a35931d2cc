// XML is the legacy API's default format. fast-xml-parser is loaded on first use only, so apps
// whose token endpoint answers JSON never download it.

/** An XML element as fast-xml-parser returns it: attributes under `@_name`, children by name. */
export type XmlNode = { readonly [key: string]: XmlValue };
export type XmlValue = string | XmlNode | readonly XmlValue[];

/**
 * Parses and validates an XML document. Values stay strings (no number guessing: tokens and ids
 * must not lose leading zeros). Throws a plain `Error` naming the problem when the XML is not
 * well-formed (e.g. truncated); callers turn that into a typed error.
 */
export async function parseXml(text: string): Promise<XmlNode> {
  const { XMLParser } = await import("fast-xml-parser");
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: true,
    htmlEntities: false,
  });
  // `true` runs the validator first: truncated or malformed XML throws instead of half-parsing.
  const parsed: unknown = parser.parse(text, true);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new Error("The XML document has no root element.");
  }
  return parsed as XmlNode;
}
