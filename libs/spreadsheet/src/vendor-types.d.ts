// exceljs's own rules for a date cell, which its loading applies and its streaming reader does
// not apply to a formula's result; the module has no declarations of its own.
declare module 'exceljs/lib/utils/utils' {
  const utils: {
    isDateFmt(format: string | undefined): boolean;
    excelToDate(serial: number, date1904: boolean | undefined): Date;
  };
  export default utils;
}
