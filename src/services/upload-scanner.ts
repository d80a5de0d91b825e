// The hook for scanning uploads for viruses (issue 15, ADR 0019). Production connects a scanner
// here (an antivirus daemon, a council's scanning service): the application is given it as
// `AppDeps.scanner` where the server starts (src/cli/main.ts). Without one the default below
// applies: nothing is scanned, and each document records that it was not ("no scanner
// configured"). A scanner that finds a virus refuses the upload; one that cannot answer refuses it
// too (the person is asked to try again), so an upload is never kept on a failed scan.

/** What a scanner says of a file: clean, infected, or that it could not scan it now. */
export type ScanVerdict = 'clean' | 'infected' | 'unavailable';

export interface UploadScanner {
  /** Named in each upload's audit event. */
  readonly name: string;
  scanUpload(bytes: Uint8Array): Promise<ScanVerdict>;
}

/** The default: no scanner configured. Its name says so; documents uploaded with it are recorded as not scanned. */
export const NO_SCANNER: UploadScanner & { readonly configured: false } = {
  name: 'no scanner configured',
  configured: false,
  scanUpload: () => Promise.resolve('clean'),
};

/** Whether the scanner is a real one (a document it passes is recorded as scanned and clean). */
export function isConfigured(scanner: UploadScanner): boolean {
  return !('configured' in scanner && scanner.configured === false);
}
