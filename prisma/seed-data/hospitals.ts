export interface HospitalData {
  name: string;
  trust: string;
  odsCode: string;
  city: string;
  deaneryCode: string;
}

/**
 * Real UK acute hospitals with their NHS trust or health board: the list a new database starts
 * with, production included. Where the codes come from:
 * - England: NHS organisation data service (ODS) site codes, the trust's 3-character code first
 *   (RJ121 is a site of trust RJ1), as in the published trust sites file (ets.csv).
 * - Wales: ODS site codes of the health boards (7A1 … 7A7), as in the Welsh sites file
 *   (wlhbsite.csv): 7A4BV, 7A3C7, 7A6G9, 7A1AU.
 * - Scotland: Public Health Scotland's hospital location codes (the ODS files do not cover
 *   Scotland), the ones its emergency department statistics use: G405H, S314H, N101H …
 * - Northern Ireland: the codes are placeholders (ZT001 … ZT005), not verified organisation
 *   codes; an administrator should correct them on the hospitals page.
 * An administrator keeps the list up to date from then on (docs/decisions/013-reference-data.md).
 */
export const HOSPITALS: HospitalData[] = [
  // London
  { name: "St Thomas' Hospital", trust: "Guy's and St Thomas' NHS Foundation Trust", odsCode: "RJ121", city: "London", deaneryCode: "LDN" },
  { name: "Guy's Hospital", trust: "Guy's and St Thomas' NHS Foundation Trust", odsCode: "RJ122", city: "London", deaneryCode: "LDN" },
  { name: "King's College Hospital", trust: "King's College Hospital NHS Foundation Trust", odsCode: "RJZ01", city: "London", deaneryCode: "LDN" },
  { name: "The Royal London Hospital", trust: "Barts Health NHS Trust", odsCode: "R1H12", city: "London", deaneryCode: "LDN" },
  { name: "St Bartholomew's Hospital", trust: "Barts Health NHS Trust", odsCode: "R1H11", city: "London", deaneryCode: "LDN" },
  { name: "University College Hospital", trust: "University College London Hospitals NHS Foundation Trust", odsCode: "RRV03", city: "London", deaneryCode: "LDN" },
  { name: "St Mary's Hospital", trust: "Imperial College Healthcare NHS Trust", odsCode: "RYJ02", city: "London", deaneryCode: "LDN" },
  { name: "Charing Cross Hospital", trust: "Imperial College Healthcare NHS Trust", odsCode: "RYJ01", city: "London", deaneryCode: "LDN" },
  { name: "St George's Hospital", trust: "St George's University Hospitals NHS Foundation Trust", odsCode: "RJ701", city: "London", deaneryCode: "LDN" },
  { name: "Royal Free Hospital", trust: "Royal Free London NHS Foundation Trust", odsCode: "RAL01", city: "London", deaneryCode: "LDN" },
  { name: "Chelsea and Westminster Hospital", trust: "Chelsea and Westminster Hospital NHS Foundation Trust", odsCode: "RQM01", city: "London", deaneryCode: "LDN" },
  { name: "Northwick Park Hospital", trust: "London North West University Healthcare NHS Trust", odsCode: "R1K01", city: "London", deaneryCode: "LDN" },
  { name: "Queen Elizabeth Hospital Woolwich", trust: "Lewisham and Greenwich NHS Trust", odsCode: "RJ224", city: "London", deaneryCode: "LDN" },

  // Kent, Surrey and Sussex
  { name: "Royal Sussex County Hospital", trust: "University Hospitals Sussex NHS Foundation Trust", odsCode: "RYR18", city: "Brighton", deaneryCode: "KSS" },
  { name: "Royal Surrey County Hospital", trust: "Royal Surrey NHS Foundation Trust", odsCode: "RA201", city: "Guildford", deaneryCode: "KSS" },
  { name: "William Harvey Hospital", trust: "East Kent Hospitals University NHS Foundation Trust", odsCode: "RVV09", city: "Ashford", deaneryCode: "KSS" },
  { name: "Maidstone Hospital", trust: "Maidstone and Tunbridge Wells NHS Trust", odsCode: "RWF03", city: "Maidstone", deaneryCode: "KSS" },
  { name: "East Surrey Hospital", trust: "Surrey and Sussex Healthcare NHS Trust", odsCode: "RTP04", city: "Redhill", deaneryCode: "KSS" },
  { name: "Medway Maritime Hospital", trust: "Medway NHS Foundation Trust", odsCode: "RPA02", city: "Gillingham", deaneryCode: "KSS" },

  // Wessex
  { name: "Southampton General Hospital", trust: "University Hospital Southampton NHS Foundation Trust", odsCode: "RHM01", city: "Southampton", deaneryCode: "WES" },
  { name: "Queen Alexandra Hospital", trust: "Portsmouth Hospitals University NHS Trust", odsCode: "RHU03", city: "Portsmouth", deaneryCode: "WES" },
  { name: "Royal Hampshire County Hospital", trust: "Hampshire Hospitals NHS Foundation Trust", odsCode: "RN541", city: "Winchester", deaneryCode: "WES" },
  { name: "Royal Bournemouth Hospital", trust: "University Hospitals Dorset NHS Foundation Trust", odsCode: "R0D02", city: "Bournemouth", deaneryCode: "WES" },
  { name: "Salisbury District Hospital", trust: "Salisbury NHS Foundation Trust", odsCode: "RNZ02", city: "Salisbury", deaneryCode: "WES" },

  // Severn
  { name: "Bristol Royal Infirmary", trust: "University Hospitals Bristol and Weston NHS Foundation Trust", odsCode: "RA701", city: "Bristol", deaneryCode: "SEV" },
  { name: "Southmead Hospital", trust: "North Bristol NHS Trust", odsCode: "RVJ01", city: "Bristol", deaneryCode: "SEV" },
  { name: "Gloucestershire Royal Hospital", trust: "Gloucestershire Hospitals NHS Foundation Trust", odsCode: "RTE03", city: "Gloucester", deaneryCode: "SEV" },
  { name: "Royal United Hospital", trust: "Royal United Hospitals Bath NHS Foundation Trust", odsCode: "RD130", city: "Bath", deaneryCode: "SEV" },

  // Peninsula
  { name: "Derriford Hospital", trust: "University Hospitals Plymouth NHS Trust", odsCode: "RK950", city: "Plymouth", deaneryCode: "PEN" },
  { name: "Royal Devon and Exeter Hospital", trust: "Royal Devon University Healthcare NHS Foundation Trust", odsCode: "RH801", city: "Exeter", deaneryCode: "PEN" },
  { name: "Royal Cornwall Hospital", trust: "Royal Cornwall Hospitals NHS Trust", odsCode: "REF12", city: "Truro", deaneryCode: "PEN" },
  { name: "Torbay Hospital", trust: "Torbay and South Devon NHS Foundation Trust", odsCode: "RA901", city: "Torquay", deaneryCode: "PEN" },

  // Thames Valley
  { name: "John Radcliffe Hospital", trust: "Oxford University Hospitals NHS Foundation Trust", odsCode: "RTH08", city: "Oxford", deaneryCode: "TV" },
  { name: "Royal Berkshire Hospital", trust: "Royal Berkshire NHS Foundation Trust", odsCode: "RHW01", city: "Reading", deaneryCode: "TV" },
  { name: "Stoke Mandeville Hospital", trust: "Buckinghamshire Healthcare NHS Trust", odsCode: "RXQ02", city: "Aylesbury", deaneryCode: "TV" },
  { name: "Wexham Park Hospital", trust: "Frimley Health NHS Foundation Trust", odsCode: "RDU50", city: "Slough", deaneryCode: "TV" },

  // East Midlands
  { name: "Queen's Medical Centre", trust: "Nottingham University Hospitals NHS Trust", odsCode: "RX101", city: "Nottingham", deaneryCode: "EM" },
  { name: "Nottingham City Hospital", trust: "Nottingham University Hospitals NHS Trust", odsCode: "RX102", city: "Nottingham", deaneryCode: "EM" },
  { name: "Leicester Royal Infirmary", trust: "University Hospitals of Leicester NHS Trust", odsCode: "RWE01", city: "Leicester", deaneryCode: "EM" },
  { name: "Royal Derby Hospital", trust: "University Hospitals of Derby and Burton NHS Foundation Trust", odsCode: "RTG01", city: "Derby", deaneryCode: "EM" },
  { name: "Lincoln County Hospital", trust: "United Lincolnshire Hospitals NHS Trust", odsCode: "RWD01", city: "Lincoln", deaneryCode: "EM" },
  { name: "Northampton General Hospital", trust: "Northampton General Hospital NHS Trust", odsCode: "RNS01", city: "Northampton", deaneryCode: "EM" },

  // West Midlands
  { name: "Queen Elizabeth Hospital Birmingham", trust: "University Hospitals Birmingham NHS Foundation Trust", odsCode: "RRK15", city: "Birmingham", deaneryCode: "WM" },
  { name: "Heartlands Hospital", trust: "University Hospitals Birmingham NHS Foundation Trust", odsCode: "RRK02", city: "Birmingham", deaneryCode: "WM" },
  { name: "University Hospital Coventry", trust: "University Hospitals Coventry and Warwickshire NHS Trust", odsCode: "RKB01", city: "Coventry", deaneryCode: "WM" },
  { name: "Royal Stoke University Hospital", trust: "University Hospitals of North Midlands NHS Trust", odsCode: "RJE01", city: "Stoke-on-Trent", deaneryCode: "WM" },
  { name: "New Cross Hospital", trust: "The Royal Wolverhampton NHS Trust", odsCode: "RL403", city: "Wolverhampton", deaneryCode: "WM" },
  { name: "Worcestershire Royal Hospital", trust: "Worcestershire Acute Hospitals NHS Trust", odsCode: "RWP50", city: "Worcester", deaneryCode: "WM" },
  { name: "Sandwell General Hospital", trust: "Sandwell and West Birmingham Hospitals NHS Trust", odsCode: "RXK01", city: "West Bromwich", deaneryCode: "WM" },
  { name: "Royal Shrewsbury Hospital", trust: "The Shrewsbury and Telford Hospital NHS Trust", odsCode: "RXW01", city: "Shrewsbury", deaneryCode: "WM" },

  // East of England
  { name: "Addenbrooke's Hospital", trust: "Cambridge University Hospitals NHS Foundation Trust", odsCode: "RGT01", city: "Cambridge", deaneryCode: "EOE" },
  { name: "Norfolk and Norwich University Hospital", trust: "Norfolk and Norwich University Hospitals NHS Foundation Trust", odsCode: "RM102", city: "Norwich", deaneryCode: "EOE" },
  { name: "Ipswich Hospital", trust: "East Suffolk and North Essex NHS Foundation Trust", odsCode: "RDE03", city: "Ipswich", deaneryCode: "EOE" },
  { name: "Luton and Dunstable University Hospital", trust: "Bedfordshire Hospitals NHS Foundation Trust", odsCode: "RC971", city: "Luton", deaneryCode: "EOE" },
  { name: "Peterborough City Hospital", trust: "North West Anglia NHS Foundation Trust", odsCode: "RGN80", city: "Peterborough", deaneryCode: "EOE" },
  { name: "Broomfield Hospital", trust: "Mid and South Essex NHS Foundation Trust", odsCode: "RAJ01", city: "Chelmsford", deaneryCode: "EOE" },

  // Yorkshire and the Humber
  { name: "Leeds General Infirmary", trust: "Leeds Teaching Hospitals NHS Trust", odsCode: "RR801", city: "Leeds", deaneryCode: "YH" },
  { name: "St James's University Hospital", trust: "Leeds Teaching Hospitals NHS Trust", odsCode: "RR813", city: "Leeds", deaneryCode: "YH" },
  { name: "Northern General Hospital", trust: "Sheffield Teaching Hospitals NHS Foundation Trust", odsCode: "RHQ01", city: "Sheffield", deaneryCode: "YH" },
  { name: "Royal Hallamshire Hospital", trust: "Sheffield Teaching Hospitals NHS Foundation Trust", odsCode: "RHQ02", city: "Sheffield", deaneryCode: "YH" },
  { name: "Hull Royal Infirmary", trust: "Hull University Teaching Hospitals NHS Trust", odsCode: "RWA01", city: "Hull", deaneryCode: "YH" },
  { name: "Bradford Royal Infirmary", trust: "Bradford Teaching Hospitals NHS Foundation Trust", odsCode: "RAE01", city: "Bradford", deaneryCode: "YH" },
  { name: "York Hospital", trust: "York and Scarborough Teaching Hospitals NHS Foundation Trust", odsCode: "RCB55", city: "York", deaneryCode: "YH" },
  { name: "Doncaster Royal Infirmary", trust: "Doncaster and Bassetlaw Teaching Hospitals NHS Foundation Trust", odsCode: "RP501", city: "Doncaster", deaneryCode: "YH" },

  // North East
  { name: "Royal Victoria Infirmary", trust: "The Newcastle upon Tyne Hospitals NHS Foundation Trust", odsCode: "RTD01", city: "Newcastle upon Tyne", deaneryCode: "NE" },
  { name: "Freeman Hospital", trust: "The Newcastle upon Tyne Hospitals NHS Foundation Trust", odsCode: "RTD02", city: "Newcastle upon Tyne", deaneryCode: "NE" },
  { name: "James Cook University Hospital", trust: "South Tees Hospitals NHS Foundation Trust", odsCode: "RTR45", city: "Middlesbrough", deaneryCode: "NE" },
  { name: "Sunderland Royal Hospital", trust: "South Tyneside and Sunderland NHS Foundation Trust", odsCode: "R0B01", city: "Sunderland", deaneryCode: "NE" },
  { name: "University Hospital of North Durham", trust: "County Durham and Darlington NHS Foundation Trust", odsCode: "RXP01", city: "Durham", deaneryCode: "NE" },

  // North West
  { name: "Manchester Royal Infirmary", trust: "Manchester University NHS Foundation Trust", odsCode: "R0A02", city: "Manchester", deaneryCode: "NW" },
  { name: "Wythenshawe Hospital", trust: "Manchester University NHS Foundation Trust", odsCode: "R0A07", city: "Manchester", deaneryCode: "NW" },
  { name: "Salford Royal Hospital", trust: "Northern Care Alliance NHS Foundation Trust", odsCode: "RM301", city: "Salford", deaneryCode: "NW" },
  { name: "Royal Preston Hospital", trust: "Lancashire Teaching Hospitals NHS Foundation Trust", odsCode: "RXN02", city: "Preston", deaneryCode: "NW" },
  { name: "Royal Blackburn Teaching Hospital", trust: "East Lancashire Hospitals NHS Trust", odsCode: "RXR10", city: "Blackburn", deaneryCode: "NW" },
  { name: "Royal Bolton Hospital", trust: "Bolton NHS Foundation Trust", odsCode: "RMC01", city: "Bolton", deaneryCode: "NW" },
  { name: "Stepping Hill Hospital", trust: "Stockport NHS Foundation Trust", odsCode: "RWJ09", city: "Stockport", deaneryCode: "NW" },
  { name: "Royal Lancaster Infirmary", trust: "University Hospitals of Morecambe Bay NHS Foundation Trust", odsCode: "RTX02", city: "Lancaster", deaneryCode: "NW" },

  // Mersey
  { name: "Royal Liverpool University Hospital", trust: "Liverpool University Hospitals NHS Foundation Trust", odsCode: "REM21", city: "Liverpool", deaneryCode: "MER" },
  { name: "Aintree University Hospital", trust: "Liverpool University Hospitals NHS Foundation Trust", odsCode: "REM22", city: "Liverpool", deaneryCode: "MER" },
  { name: "Arrowe Park Hospital", trust: "Wirral University Teaching Hospital NHS Foundation Trust", odsCode: "RBL14", city: "Wirral", deaneryCode: "MER" },
  { name: "Whiston Hospital", trust: "Mersey and West Lancashire Teaching Hospitals NHS Trust", odsCode: "RBN01", city: "Prescot", deaneryCode: "MER" },
  { name: "Alder Hey Children's Hospital", trust: "Alder Hey Children's NHS Foundation Trust", odsCode: "RBS25", city: "Liverpool", deaneryCode: "MER" },
  { name: "Countess of Chester Hospital", trust: "Countess of Chester Hospital NHS Foundation Trust", odsCode: "RJR05", city: "Chester", deaneryCode: "MER" },

  // Scotland North
  { name: "Aberdeen Royal Infirmary", trust: "NHS Grampian", odsCode: "N101H", city: "Aberdeen", deaneryCode: "SCN" },
  { name: "Raigmore Hospital", trust: "NHS Highland", odsCode: "H202H", city: "Inverness", deaneryCode: "SCN" },

  // Scotland East
  { name: "Ninewells Hospital", trust: "NHS Tayside", odsCode: "T101H", city: "Dundee", deaneryCode: "SCE" },
  { name: "Perth Royal Infirmary", trust: "NHS Tayside", odsCode: "T202H", city: "Perth", deaneryCode: "SCE" },

  // Scotland South-East
  { name: "Royal Infirmary of Edinburgh", trust: "NHS Lothian", odsCode: "S314H", city: "Edinburgh", deaneryCode: "SCSE" },
  { name: "Western General Hospital", trust: "NHS Lothian", odsCode: "S308H", city: "Edinburgh", deaneryCode: "SCSE" },
  { name: "Victoria Hospital", trust: "NHS Fife", odsCode: "F704H", city: "Kirkcaldy", deaneryCode: "SCSE" },
  { name: "Borders General Hospital", trust: "NHS Borders", odsCode: "B120H", city: "Melrose", deaneryCode: "SCSE" },

  // Scotland West
  { name: "Queen Elizabeth University Hospital", trust: "NHS Greater Glasgow and Clyde", odsCode: "G405H", city: "Glasgow", deaneryCode: "SCW" },
  { name: "Glasgow Royal Infirmary", trust: "NHS Greater Glasgow and Clyde", odsCode: "G107H", city: "Glasgow", deaneryCode: "SCW" },
  { name: "University Hospital Crosshouse", trust: "NHS Ayrshire and Arran", odsCode: "A210H", city: "Kilmarnock", deaneryCode: "SCW" },
  { name: "University Hospital Hairmyres", trust: "NHS Lanarkshire", odsCode: "L302H", city: "East Kilbride", deaneryCode: "SCW" },

  // Wales
  { name: "University Hospital of Wales", trust: "Cardiff and Vale University Health Board", odsCode: "7A4BV", city: "Cardiff", deaneryCode: "WAL" },
  { name: "Morriston Hospital", trust: "Swansea Bay University Health Board", odsCode: "7A3C7", city: "Swansea", deaneryCode: "WAL" },
  { name: "The Grange University Hospital", trust: "Aneurin Bevan University Health Board", odsCode: "7A6G9", city: "Cwmbran", deaneryCode: "WAL" },
  { name: "Ysbyty Gwynedd", trust: "Betsi Cadwaladr University Health Board", odsCode: "7A1AU", city: "Bangor", deaneryCode: "WAL" },

  // Northern Ireland: placeholder codes (see above).
  { name: "Royal Victoria Hospital", trust: "Belfast Health and Social Care Trust", odsCode: "ZT001", city: "Belfast", deaneryCode: "NI" },
  { name: "Antrim Area Hospital", trust: "Northern Health and Social Care Trust", odsCode: "ZT002", city: "Antrim", deaneryCode: "NI" },
  { name: "Craigavon Area Hospital", trust: "Southern Health and Social Care Trust", odsCode: "ZT003", city: "Craigavon", deaneryCode: "NI" },
  { name: "Altnagelvin Area Hospital", trust: "Western Health and Social Care Trust", odsCode: "ZT004", city: "Londonderry", deaneryCode: "NI" },
  { name: "Ulster Hospital", trust: "South Eastern Health and Social Care Trust", odsCode: "ZT005", city: "Dundonald", deaneryCode: "NI" },
];
