export type NationCode = "ENGLAND" | "SCOTLAND" | "WALES" | "NORTHERN_IRELAND";

export interface DeaneryData {
  code: string;
  name: string;
  nation: NationCode;
}

/** Clinical radiology specialty training regions of the four UK nations. */
export const DEANERIES: DeaneryData[] = [
  // England
  { code: "LDN", name: "London", nation: "ENGLAND" },
  { code: "KSS", name: "Kent, Surrey and Sussex", nation: "ENGLAND" },
  { code: "WES", name: "Wessex", nation: "ENGLAND" },
  { code: "SEV", name: "Severn", nation: "ENGLAND" },
  { code: "PEN", name: "Peninsula", nation: "ENGLAND" },
  { code: "TV", name: "Thames Valley (Oxford)", nation: "ENGLAND" },
  { code: "EM", name: "East Midlands", nation: "ENGLAND" },
  { code: "WM", name: "West Midlands", nation: "ENGLAND" },
  { code: "EOE", name: "East of England", nation: "ENGLAND" },
  { code: "YH", name: "Yorkshire and the Humber", nation: "ENGLAND" },
  { code: "NE", name: "North East", nation: "ENGLAND" },
  { code: "NW", name: "North West", nation: "ENGLAND" },
  { code: "MER", name: "Mersey", nation: "ENGLAND" },
  // Scotland
  { code: "SCN", name: "Scotland North", nation: "SCOTLAND" },
  { code: "SCE", name: "Scotland East", nation: "SCOTLAND" },
  { code: "SCSE", name: "Scotland South-East", nation: "SCOTLAND" },
  { code: "SCW", name: "Scotland West", nation: "SCOTLAND" },
  // Wales
  { code: "WAL", name: "Wales", nation: "WALES" },
  // Northern Ireland
  { code: "NI", name: "Northern Ireland", nation: "NORTHERN_IRELAND" },
];
