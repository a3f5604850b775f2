// C0 control characters other than tab, line feed and carriage return are not allowed in XML;
// a name pasted from a spreadsheet could carry one and break the whole SVG.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for an XML or HTML text node or a quoted attribute value: `& < > " '` become
 * entities and characters XML forbids are dropped. Every piece of text an SVG chart is built
 * with goes through here, tenant data or not.
 */
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
