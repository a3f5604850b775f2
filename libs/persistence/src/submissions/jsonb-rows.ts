/** PostgreSQL's binary format of jsonb: a version byte (1), then the JSON text. */
const JSONB_VERSION = 1;
const OPEN = Buffer.from([JSONB_VERSION, '['.charCodeAt(0)]);
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/**
 * A JSON array of rows as a jsonb parameter in binary format, for `jsonb_to_recordset($1::jsonb)`.
 * Each row is added as its JSON text and kept as bytes outside the JavaScript heap until its
 * statement is sent: thousands of rows waiting as strings would be copied by every young
 * collection, and the text of the whole array would be built twice more (joined, then encoded
 * by the driver).
 */
export class JsonbRows {
  private readonly parts: Buffer[] = [OPEN];
  private rows = 0;

  add(rowText: string): void {
    if (this.rows > 0) {
      this.parts.push(COMMA);
    }
    this.parts.push(Buffer.from(rowText));
    this.rows += 1;
  }

  get count(): number {
    return this.rows;
  }

  /** The parameter: node-postgres sends a Buffer in binary format. */
  parameter(): Buffer {
    return Buffer.concat([...this.parts, CLOSE]);
  }
}
