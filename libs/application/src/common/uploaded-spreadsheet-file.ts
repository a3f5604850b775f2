/** The part of an uploaded file the api uses (multer's `File`, memory storage). */
export interface UploadedSpreadsheetFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}
