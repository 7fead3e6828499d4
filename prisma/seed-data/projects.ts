export type DesignCode =
  | "AUDIT"
  | "SERVICE_EVALUATION"
  | "COHORT"
  | "CROSS_SECTIONAL"
  | "SURVEY"
  | "OTHER";

export type ModalityCode =
  | "CT"
  | "MRI"
  | "ULTRASOUND"
  | "PLAIN_FILM"
  | "NUCLEAR_MEDICINE"
  | "INTERVENTIONAL";

export type SubspecialtyCode =
  | "NEURO"
  | "HEAD_AND_NECK"
  | "CHEST"
  | "CARDIAC"
  | "GASTROINTESTINAL"
  | "GENITOURINARY"
  | "MUSCULOSKELETAL"
  | "BREAST"
  | "PAEDIATRIC"
  | "ONCOLOGY"
  | "EMERGENCY"
  | "VASCULAR";

export interface ProjectIdea {
  /** kebab-case, unique, <= 40 chars */
  slug: string;
  title: string;
  /** lay summary, 60-150 words */
  summary: string;
  /** 80-200 words */
  background: string;
  /** 2-4 sentences */
  aims: string;
  /** one sentence */
  primaryOutcome: string;
  /** 60-150 words */
  methods: string;
  /** comma-separated list of collected data items */
  dataItems: string;
  design: DesignCode;
  modalities: ModalityCode[];
  subspecialties: SubspecialtyCode[];
  /** 20-200 */
  targetCasesPerSite: number;
}

/** Fictional but realistic multicentre project ideas for a UK radiology trainee collaborative. */
export const PROJECT_IDEAS: ProjectIdea[] = [
  {
    slug: "ctpa-yield-emergency-department",
    title: "Diagnostic yield of CT pulmonary angiography requested from the emergency department: a national multicentre audit",
    summary:
      "CT scans of the lung blood vessels (CT pulmonary angiograms) are one of the most common urgent scans requested from emergency departments to look for blood clots in the lungs. Many of these scans come back normal, which means patients receive radiation and contrast dye, and scanner time is used, without a clot being found. This audit will look at how often these scans find a clot in hospitals across the UK, and whether the recommended clinical scoring and blood tests were used before the scan was requested. The results will help departments improve how patients are selected for this test.",
    background:
      "CT pulmonary angiography (CTPA) is the first-line imaging test for suspected pulmonary embolism (PE) and demand has risen steadily over the last decade. NICE guideline NG158 recommends structured pre-test probability assessment using the two-level Wells score, with D-dimer testing in patients where PE is considered unlikely. The Royal College of Radiologists (RCR) audit template suggests a minimum positive rate for CTPA, and single-centre studies in the UK have reported yields well below this, implying over-investigation. Over-use exposes young patients, particularly women of reproductive age, to avoidable breast radiation and iodinated contrast, and contributes to CT capacity pressures. A trainee-led multicentre audit allows yield and adherence to the diagnostic pathway to be measured consistently across many departments, and to identify modifiable factors such as documentation of Wells score and inappropriate D-dimer use.",
    aims:
      "To measure the proportion of emergency department CTPA examinations that demonstrate pulmonary embolism across participating UK sites. To assess adherence to NICE NG158 pre-test probability and D-dimer recommendations before CTPA. To compare findings against the RCR audit standard and share recommendations locally.",
    primaryOutcome:
      "Proportion of emergency department CTPA examinations reported as positive for acute pulmonary embolism.",
    methods:
      "Retrospective audit of consecutive adult (18 years and over) CTPA examinations requested by the emergency department at each participating site. Each site will identify cases from its radiology information system over a continuous four-week data collection period. Exclusions are inpatient and outpatient requests, CT aortography and examinations performed as part of a combined trauma protocol. Collaborators will review the request card, the emergency department clerking and the final radiology report. A positive study is defined as any acute filling defect described in the final report, including isolated subsegmental emboli. Data will be entered into a secure online form with no patient identifiers. Results will be compared against the RCR standard and the collaborative will complete a re-audit after local interventions.",
    dataItems:
      "age band, sex, request date, documented Wells score, D-dimer performed, D-dimer result, pregnancy status, alternative diagnosis on CT, PE present, most proximal level of PE, right heart strain reported, image quality adequate, reporting grade",
    design: "AUDIT",
    modalities: ["CT"],
    subspecialties: ["CHEST", "EMERGENCY"],
    targetCasesPerSite: 100,
  },
  {
    slug: "incidental-adrenal-nodule-follow-up",
    title: "Reporting and follow-up of incidental adrenal nodules on CT: a UK multicentre cohort study",
    summary:
      "Small lumps in the adrenal glands are frequently seen by chance when people have CT scans for other reasons. Most are harmless, but a few produce excess hormones or, rarely, are cancerous. National and European guidance explains how these lumps should be described in the scan report and which patients need further tests. This study will follow patients found to have these lumps across many hospitals to see whether reports gave clear advice and whether the recommended follow-up tests actually took place.",
    background:
      "Adrenal incidentalomas are identified in around 3 to 7 percent of adults undergoing abdominal CT, with prevalence rising with age. The European Society of Endocrinology guideline recommends that the radiologist characterises the lesion using unenhanced attenuation, with lesions of 10 Hounsfield units or less considered benign lipid-rich adenomas requiring no further imaging. All patients with an incidentaloma should undergo biochemical assessment for autonomous cortisol secretion and, where relevant, phaeochromocytoma and primary aldosteronism. UK studies suggest that attenuation values are frequently not reported, recommendations are inconsistent and many patients never receive endocrine work-up. A multicentre cohort study will quantify the gap between guidance and practice and describe downstream investigation and outcomes.",
    aims:
      "To describe how incidental adrenal nodules are reported on CT across UK centres. To determine the proportion of patients who receive guideline-concordant biochemical and imaging follow-up within 12 months. To identify report features associated with appropriate follow-up.",
    primaryOutcome:
      "Proportion of patients with a newly reported adrenal incidentaloma who receive guideline-concordant biochemical assessment within 12 months of the index CT.",
    methods:
      "Retrospective cohort study. Sites will search the radiology information system for CT chest, abdomen or pelvis reports containing the term adrenal performed during a three-month index period, then screen for new adrenal lesions of 1 cm or more. Patients with known malignancy under active staging, known adrenal disease or age under 18 years will be excluded. Index reports will be reviewed for lesion size, attenuation and recommendations. Electronic records will then be reviewed for 12 months after the index scan to capture biochemical tests, further imaging, endocrinology referral and final diagnosis. Data collection at each site is expected to take six weeks.",
    dataItems:
      "age band, sex, CT indication, lesion side, lesion size, unenhanced attenuation reported, washout performed, report recommendation, referral to endocrinology, cortisol suppression test, metanephrines, aldosterone renin ratio, follow-up imaging, final diagnosis",
    design: "COHORT",
    modalities: ["CT", "MRI"],
    subspecialties: ["GENITOURINARY", "ONCOLOGY"],
    targetCasesPerSite: 80,
  },
  {
    slug: "mri-prostate-pirads-reporting",
    title: "Quality of multiparametric MRI prostate reporting against PI-RADS v2.1: a national trainee-led audit",
    summary:
      "Men with a raised PSA blood test now usually have an MRI scan of the prostate before any biopsy. The scan report guides whether a biopsy is needed and where to take it from. An international scoring system called PI-RADS sets out what a good report should contain. This audit will check prostate MRI reports from hospitals around the UK against that standard, including whether image quality was described, to help radiology departments make reports clearer and more consistent.",
    background:
      "NICE guideline NG131 recommends multiparametric MRI as the first-line investigation for people with suspected clinically localised prostate cancer. The Prostate Imaging Reporting and Data System version 2.1 (PI-RADS v2.1) standardises acquisition and reporting, including lesion location using a sector map, lesion size, an overall assessment category and prostate volume to allow PSA density calculation. The PI-QUAL score has more recently been introduced to describe image quality. Variation in reporting completeness can affect biopsy decisions, targeting and multidisciplinary team discussion. A national audit led by trainees offers an opportunity to benchmark structured reporting across a range of centres, from tertiary urology units to district general hospitals.",
    aims:
      "To assess the completeness of prostate MRI reports against PI-RADS v2.1 minimum reporting elements. To describe the use of structured templates and image quality scoring. To make recommendations for a standard national reporting template.",
    primaryOutcome:
      "Proportion of prostate MRI reports that include all PI-RADS v2.1 minimum reporting elements.",
    methods:
      "Retrospective audit of consecutive pre-biopsy prostate MRI examinations performed for suspected prostate cancer over a two-month data collection period at each site. Examinations for active surveillance, post-treatment recurrence or staging of known cancer are excluded. Collaborators will review each final report, and where possible the imaging protocol, against a checklist derived from PI-RADS v2.1. The standard is 100 percent inclusion of the overall PI-RADS category, with a target of 90 percent for other minimum elements. Anonymised data will be uploaded to the collaborative database and results presented to local uroradiology teams.",
    dataItems:
      "age band, PSA, scanner field strength, biparametric or multiparametric protocol, structured template used, prostate volume reported, PSA density reported, number of lesions, lesion sector map, lesion size, PI-RADS category, extraprostatic extension commented, PI-QUAL score reported, reporter subspecialty",
    design: "AUDIT",
    modalities: ["MRI"],
    subspecialties: ["GENITOURINARY", "ONCOLOGY"],
    targetCasesPerSite: 60,
  },
  {
    slug: "paediatric-head-ct-radiation-dose",
    title: "Radiation dose from paediatric head CT compared with national diagnostic reference levels: a multicentre cross-sectional study",
    summary:
      "Children are more sensitive to radiation than adults, so CT scans in children should use the lowest dose that still gives a clear picture. The UK publishes national reference levels for typical scan doses in children of different ages. This study will collect the dose from children's head CT scans at hospitals across the UK and compare them with these reference levels. It will help hospitals see whether their scanners and settings are optimised for children.",
    background:
      "Head CT is the most frequently performed CT examination in children, most commonly for trauma according to NICE head injury guidance. Children have greater radiosensitivity and longer life expectancy in which radiation-induced effects might manifest. Under IR(ME)R 2017 employers must establish diagnostic reference levels (DRLs) and review them when they are consistently exceeded. The UK Health Security Agency publishes national DRLs for paediatric head CT by age band, expressed as CTDIvol and dose length product. Many general hospitals scan relatively few children, and protocols are sometimes adapted from adult settings. A multicentre study of dose metrics alongside acquisition parameters will identify sites and age groups where optimisation is needed.",
    aims:
      "To compare dose metrics from paediatric head CT at participating sites with UK national DRLs for each age band. To describe variation in acquisition parameters such as tube voltage and use of iterative reconstruction. To identify modifiable protocol factors associated with doses above the DRL.",
    primaryOutcome:
      "Proportion of paediatric head CT examinations with a CTDIvol exceeding the national diagnostic reference level for the relevant age band.",
    methods:
      "Cross-sectional study of consecutive unenhanced head CT examinations in children aged 0 to 15 years over a six-month period at each site. Repeat scans, examinations combined with cervical spine or other body regions, and contrast-enhanced studies are excluded. Dose data (CTDIvol and DLP) will be extracted from the dose report saved to PACS or from the dose monitoring system. Acquisition parameters will be recorded with support from the local medical physics expert. Median doses per age band will be calculated for each site and compared with national DRLs.",
    dataItems:
      "age band, sex, indication, scanner manufacturer, scanner model, paediatric protocol used, helical or axial acquisition, tube voltage, tube current modulation, iterative reconstruction, scan length, CTDIvol, dose length product, repeat sequences",
    design: "CROSS_SECTIONAL",
    modalities: ["CT"],
    subspecialties: ["PAEDIATRIC", "NEURO"],
    targetCasesPerSite: 50,
  },
  {
    slug: "urgent-ct-vetting-turnaround",
    title: "Vetting and protocolling turnaround times for urgent inpatient and emergency CT requests: a multicentre service evaluation",
    summary:
      "Before a CT scan can be done, a radiologist or trained radiographer checks the request is appropriate and decides exactly how the scan should be performed. This is called vetting. If vetting is slow, urgent scans can be delayed, affecting patient care and hospital flow. This project will measure how long vetting takes for urgent CT requests in hospitals across the UK, who does it, and at what times of day delays are most common, so that departments can plan staffing and workflows.",
    background:
      "Under IR(ME)R 2017 every medical exposure must be justified by an IR(ME)R practitioner, and in most UK departments this is delivered through vetting of electronic requests by radiologists, trainees or radiographers working under delegated guidelines. Rising CT demand, radiologist workforce shortages highlighted in the RCR workforce census, and increasingly complex requests have made vetting a significant part of the working day and a recognised cause of delay. Trainees contribute heavily to vetting, particularly out of hours, yet there is little national data describing turnaround times, rejection rates or the proportion of requests requiring clinical discussion. This service evaluation will establish baseline metrics to inform departmental planning and the wider debate on radiographer-led justification.",
    aims:
      "To measure the time from request to vetting decision for urgent CT requests across participating departments. To describe who vets requests and how often requests are modified, rejected or require discussion. To identify time-of-day and staffing factors associated with delay.",
    primaryOutcome:
      "Median time in minutes from electronic request submission to vetting decision for urgent CT requests.",
    methods:
      "Retrospective service evaluation of all CT requests marked urgent or emergency from the emergency department and inpatient wards over a continuous seven-day data collection period at each site. Outpatient and routine requests are excluded. Time stamps for request creation, vetting, protocol assignment and scan completion will be extracted from the radiology information system. For each request, collaborators will record the grade and role of the vetting professional and the vetting outcome. No patient-level clinical information is collected beyond the examination type and requesting specialty.",
    dataItems:
      "request source, requesting specialty, examination type, request time, day of week, in or out of hours, vetting time, vetting professional role, vetting outcome, protocol changed, discussion required, scan time, report time",
    design: "SERVICE_EVALUATION",
    modalities: ["CT"],
    subspecialties: ["EMERGENCY"],
    targetCasesPerSite: 150,
  },
  {
    slug: "us-guided-biopsy-complications",
    title: "Complication rates following ultrasound-guided percutaneous liver and renal biopsy: a prospective multicentre cohort",
    summary:
      "Many patients need a small sample of tissue taken from the liver or kidney with a needle, guided by an ultrasound scan. This is usually safe, but bleeding and pain can occur and occasionally patients need further treatment. Patients are told about these risks when they consent, but the figures quoted often come from older studies. This study will record complications after these biopsies across UK hospitals to give patients and clinicians up-to-date and accurate information.",
    background:
      "Ultrasound-guided percutaneous biopsy of the liver and kidney is a core procedure in most UK radiology departments and is frequently performed by trainees under supervision. Major complications, principally haemorrhage requiring transfusion or intervention, are reported in around 1 percent of liver biopsies and slightly more often in native renal biopsies, but the evidence base consists mainly of single-centre series from specialist units. Guidance from the British Society of Gastroenterology and the RCR on liver biopsy, and from the Renal Association on renal biopsy, sets out pre-procedure checks including coagulation status and antiplatelet management. Contemporary complication data across a mixture of teaching and district hospitals, using modern needles and anticoagulation protocols, would improve the accuracy of consent and identify modifiable risk factors.",
    aims:
      "To determine the rate of major and minor complications within seven days of ultrasound-guided liver and renal biopsy. To examine the association between complications and patient, procedural and operator factors. To produce contemporary risk estimates to support informed consent.",
    primaryOutcome:
      "Proportion of patients experiencing a major complication, defined as bleeding requiring transfusion, embolisation or surgery, or death, within seven days of biopsy.",
    methods:
      "Prospective cohort study of consecutive adult patients undergoing ultrasound-guided percutaneous biopsy of a focal liver lesion, the liver parenchyma or a native or transplant kidney during a four-month data collection period at each site. Transjugular biopsies and CT-guided procedures are excluded. Procedural data will be recorded at the time of biopsy by the operator or a collaborator using a standard form. Complications will be identified through review of electronic records, observations, blood results and imaging at 24 hours and seven days. Complications will be graded using the CIRSE classification system.",
    dataItems:
      "age band, sex, biopsy target, indication, platelet count, INR, antithrombotic medication and interruption, needle gauge, number of passes, operator grade, post-procedure haemoglobin drop, pain requiring opiates, transfusion, embolisation, surgery, length of stay, CIRSE complication grade, histological adequacy",
    design: "COHORT",
    modalities: ["ULTRASOUND", "INTERVENTIONAL"],
    subspecialties: ["GASTROINTESTINAL", "GENITOURINARY"],
    targetCasesPerSite: 60,
  },
  {
    slug: "vertebral-fracture-reporting-ct",
    title: "Under-reporting of incidental osteoporotic vertebral fractures on routine CT: a UK cross-sectional study",
    summary:
      "Broken bones in the spine caused by thin bones (osteoporosis) are common in older people and are often visible on CT scans done for other reasons, such as scans of the chest or abdomen. If these fractures are noticed and reported, patients can be started on treatment that lowers their risk of future fractures, including hip fractures. This study will look at CT scans from many UK hospitals to see how often these fractures are present and how often they are mentioned in reports.",
    background:
      "Vertebral fragility fractures are the most common osteoporotic fracture and a strong predictor of future hip and vertebral fractures, yet fewer than a third come to clinical attention. Sagittal reformats of routine CT of the chest, abdomen and pelvis provide an excellent opportunity for opportunistic detection. Previous studies have reported that moderate and severe vertebral fractures visible on CT are omitted from the report in a large proportion of cases, or described with ambiguous terms such as loss of height or wedging. The Royal Osteoporosis Society and the International Osteoporosis Foundation recommend that radiologists use the unambiguous term fracture and grade severity using the Genant semi-quantitative method. A multicentre study will estimate national under-reporting and inform education and reporting templates.",
    aims:
      "To estimate the prevalence of moderate and severe vertebral fractures on routine CT in patients aged 65 and over. To determine the proportion of these fractures that are correctly reported using the term fracture. To assess whether reported fractures lead to referral to fracture liaison or bone health services.",
    primaryOutcome:
      "Proportion of Genant grade 2 and 3 vertebral fractures identified on review that are explicitly reported as fractures in the original report.",
    methods:
      "Cross-sectional study of consecutive CT chest, abdomen and/or pelvis examinations in patients aged 65 years and over performed over a one-month period at each site. Dedicated spine CT and trauma CT are excluded. A collaborator who has completed the study training module will review sagittal reformats of the thoracic and lumbar spine and grade each vertebra using the Genant method, blinded to the original report. The original report will then be reviewed for mention of vertebral fracture and terminology used. Electronic records will be checked for fracture liaison service referral within six months.",
    dataItems:
      "age band, sex, CT indication, sagittal reformats available, vertebral levels assessed, number of fractures, highest Genant grade, fracture reported, terminology used, recommendation made, fracture liaison referral, bone protection started",
    design: "CROSS_SECTIONAL",
    modalities: ["CT"],
    subspecialties: ["MUSCULOSKELETAL"],
    targetCasesPerSite: 150,
  },
  {
    slug: "lung-nodule-bts-follow-up",
    title: "Management of incidental pulmonary nodules against British Thoracic Society guidelines: a multicentre audit",
    summary:
      "Small spots on the lung, called nodules, are very often found on CT scans. Most are harmless but a small number are early lung cancers. The British Thoracic Society has produced guidance on how these nodules should be measured, reported and followed up with further scans. This audit will check whether patients with lung nodules across UK hospitals received follow-up in line with that guidance, helping to make sure early cancers are not missed and unnecessary scans are avoided.",
    background:
      "The British Thoracic Society (BTS) guidelines for the investigation and management of pulmonary nodules recommend risk stratification using nodule size or volume, the Brock model and, where appropriate, volumetric CT surveillance to assess volume doubling time. Nodules below 5 mm or 80 cubic millimetres require no follow-up, whereas larger nodules warrant surveillance or further assessment. Compliance depends on clear report recommendations and reliable tracking systems, which vary widely between trusts. The expansion of targeted lung health checks and increasing CT activity have added to nodule surveillance workload. Missed or delayed follow-up is a recognised source of patient harm and litigation. A national audit will describe compliance and the types of failsafe systems in use.",
    aims:
      "To assess whether incidental pulmonary nodules are measured and reported in line with BTS guidelines. To determine the proportion of patients who receive follow-up imaging at the recommended interval. To describe the nodule tracking and failsafe systems in use at participating sites.",
    primaryOutcome:
      "Proportion of patients with a new incidental solid pulmonary nodule requiring surveillance who undergo follow-up CT within four weeks of the BTS-recommended interval.",
    methods:
      "Retrospective audit of CT examinations performed over a two-month index period that report a new solid or subsolid pulmonary nodule of 5 mm or more. Patients under 18, those with known active malignancy and those already in a lung cancer pathway are excluded. Collaborators will review the index report for measurement method, Brock score and recommendation, and then review subsequent imaging and clinical records for 15 months. Sites will also complete a short questionnaire about nodule tracking systems. The standard is 100 percent of eligible patients receiving guideline-concordant follow-up.",
    dataItems:
      "age band, sex, smoking status, CT indication, nodule type, nodule diameter, volumetry used, Brock score documented, report recommendation, recommendation concordant with BTS, follow-up CT date, interval deviation, referral to respiratory, final outcome, tracking system type",
    design: "AUDIT",
    modalities: ["CT"],
    subspecialties: ["CHEST", "ONCOLOGY"],
    targetCasesPerSite: 80,
  },
  {
    slug: "contrast-associated-aki",
    title: "Incidence of acute kidney injury after intravenous contrast-enhanced CT in emergency patients: a multicentre cohort study",
    summary:
      "Many patients having CT scans receive an injection of iodine-based dye (contrast) to make blood vessels and organs easier to see. There has been longstanding concern that this dye might damage the kidneys, which sometimes leads to scans being delayed or done without contrast. Recent evidence suggests the risk is much lower than previously thought. This study will look at kidney blood tests before and after contrast CT scans in emergency patients across the UK to measure how often kidney injury happens.",
    background:
      "Contrast-induced nephropathy has historically been considered a major risk of intravenous iodinated contrast, leading to delayed or non-contrast examinations in acutely unwell patients. Large propensity-matched studies have since shown that the risk attributable to intravenous contrast is small, particularly at an eGFR above 30, and that much acute kidney injury after CT reflects the underlying illness. UK guidance published jointly by the RCR, the UK Kidney Association and the British Cardiovascular Intervention Society in 2022 recommends risk assessment based on eGFR and acute illness, and advises against withholding clinically indicated contrast. Local practice regarding pre-scan renal function checks, intravenous hydration and post-scan monitoring remains variable. A multicentre cohort will describe contemporary incidence and local adherence to the new guidance.",
    aims:
      "To measure the incidence of acute kidney injury within 72 hours of contrast-enhanced CT in adult emergency patients. To describe pre-scan renal risk assessment and prophylactic hydration practice. To compare practice with the 2022 UK guidance on prevention of contrast-induced acute kidney injury.",
    primaryOutcome:
      "Proportion of patients meeting KDIGO creatinine criteria for acute kidney injury within 48 to 72 hours of contrast-enhanced CT.",
    methods:
      "Retrospective cohort study of consecutive adults undergoing intravenous contrast-enhanced CT requested by the emergency department over a two-week period at each site. Patients on dialysis, those with a kidney transplant and those without a baseline creatinine within 24 hours before the scan are excluded. Collaborators will record creatinine and eGFR before the scan and the highest value in the following 72 hours, together with risk factors, contrast volume and hydration. Acute kidney injury will be defined using KDIGO criteria. A subgroup of patients who had non-contrast CT in the same period will be sampled for comparison.",
    dataItems:
      "age band, sex, baseline creatinine, baseline eGFR, diabetes, heart failure, nephrotoxic medication, sepsis, contrast agent, contrast volume, pre-scan renal check documented, intravenous fluids given, peak creatinine within 72 hours, KDIGO stage, renal replacement therapy, death within 30 days",
    design: "COHORT",
    modalities: ["CT"],
    subspecialties: ["EMERGENCY", "GENITOURINARY"],
    targetCasesPerSite: 200,
  },
  {
    slug: "acute-stroke-imaging-timings",
    title: "Door-to-imaging and imaging-to-report times in hyperacute stroke: a national audit against the National Clinical Guideline for Stroke",
    summary:
      "When someone has a stroke, every minute counts. Fast brain scans allow doctors to decide quickly whether clot-busting drugs or a procedure to remove the clot could help. National stroke guidance sets targets for how quickly scans should be done and reported. This audit will measure these times in hospitals across the UK, including scans of the brain blood vessels, and look at where delays happen, so that hospitals can speed up stroke care.",
    background:
      "Hyperacute stroke treatment with intravenous thrombolysis and mechanical thrombectomy is highly time-dependent. The National Clinical Guideline for Stroke for the UK and Ireland (2023) recommends that patients with suspected acute stroke receive brain imaging urgently, at most within one hour of arrival, and that CT angiography is performed at the same time as non-contrast CT in patients who may be eligible for thrombectomy. CT perfusion or MRI is recommended for selected patients presenting later or with unknown onset time. Rapid interpretation, often by trainees out of hours, supported increasingly by automated decision-support software, is essential. The Sentinel Stroke National Audit Programme reports door-to-scan times, but imaging-to-report times and the completeness of vascular imaging are not routinely captured.",
    aims:
      "To measure door-to-CT and CT-to-report times for suspected hyperacute stroke. To determine the proportion of thrombectomy candidates who receive CT angiography at the initial scan. To identify time-of-day and workflow factors associated with delay.",
    primaryOutcome:
      "Proportion of suspected hyperacute stroke patients receiving brain imaging within one hour of hospital arrival.",
    methods:
      "Retrospective audit of consecutive adults presenting to the emergency department with suspected acute stroke who underwent a stroke protocol CT or MRI during a two-month data collection period at each site. In-hospital strokes and transfers from other hospitals are excluded. Arrival time, scan times and report times will be extracted from the emergency department system, the radiology information system and PACS. Collaborators will record the imaging performed, reporter grade, whether automated software was used and final treatment. Standards are taken from the National Clinical Guideline for Stroke 2023.",
    dataItems:
      "age band, sex, arrival mode, time of arrival, in or out of hours, onset known, NIHSS, door-to-CT time, CT angiography performed, CT perfusion performed, MRI performed, CT-to-report time, reporter grade, AI software used, large vessel occlusion, thrombolysis given, thrombectomy referral",
    design: "AUDIT",
    modalities: ["CT", "MRI"],
    subspecialties: ["NEURO", "EMERGENCY", "VASCULAR"],
    targetCasesPerSite: 50,
  },
  {
    slug: "trauma-whole-body-ct",
    title: "Whole-body CT in major trauma: acquisition protocols, timings and reporting against RCR standards",
    summary:
      "Patients with serious injuries, for example after road traffic collisions, often have a CT scan from head to pelvis soon after arriving in hospital. The scan shows injuries quickly so life-saving treatment can begin. National standards describe how fast the scan should happen and how quickly the results should be reported. This project will compare how trauma CT scans are performed and reported in major trauma centres and trauma units across the UK.",
    background:
      "Whole-body CT (WBCT) is central to the assessment of severely injured patients and NICE guideline NG39 recommends its use in adults with blunt major trauma and suspected multiple injuries. The RCR standards of practice for trauma radiology in severely injured patients recommend that CT is performed within 30 minutes of arrival when indicated, that an immediate primary survey interpretation is communicated to the trauma team, and that a full written report is issued within one hour. Protocols vary considerably between centres, including split-bolus techniques, arm positioning and inclusion of the lower limbs, with implications for radiation dose and diagnostic performance. Trainees frequently provide the initial interpretation overnight. Understanding variation across major trauma centres and trauma units will support protocol harmonisation.",
    aims:
      "To measure arrival-to-scan and scan-to-report times for whole-body trauma CT. To describe variation in acquisition protocols and radiation dose between sites. To compare timings with RCR standards for trauma radiology.",
    primaryOutcome:
      "Proportion of whole-body trauma CT examinations with a full written report issued within one hour of scan completion.",
    methods:
      "Retrospective service evaluation of consecutive adult trauma team activations undergoing whole-body CT (at minimum head, cervical spine, chest, abdomen and pelvis) over a three-month period at each site. Isolated head or limb trauma imaging is excluded. Timings will be extracted from the emergency department system and the radiology information system, and dose data from the dose report. Each site will complete a protocol questionnaire with its lead trauma radiologist. Collaborators will compare the preliminary and final reports and record significant discrepancies.",
    dataItems:
      "age band, sex, mechanism of injury, trauma centre type, time of arrival, in or out of hours, arrival-to-CT time, CT-to-preliminary-report time, CT-to-final-report time, preliminary reporter grade, protocol type, split-bolus used, dose length product, significant discrepancy, injury severity score",
    design: "SERVICE_EVALUATION",
    modalities: ["CT"],
    subspecialties: ["EMERGENCY", "VASCULAR"],
    targetCasesPerSite: 40,
  },
  {
    slug: "ng-tube-position-chest-radiograph",
    title: "Interpretation and documentation of nasogastric tube position on chest radiographs: a multicentre audit",
    summary:
      "Feeding tubes passed through the nose into the stomach (nasogastric tubes) are very common in hospital. If a tube goes into the lungs by mistake and feeding begins, it can cause serious harm or death. When other checks are not possible, a chest X-ray is used to confirm the tube is in the right place. This audit will look at how these X-rays are taken, interpreted and documented in UK hospitals against national patient safety standards.",
    background:
      "Feeding through a misplaced nasogastric (NG) tube is classified by NHS England as a Never Event, and radiograph misinterpretation remains a leading contributor to reported incidents. National patient safety alerts recommend pH testing as the first-line check, with chest radiography reserved for when aspirate cannot be obtained or pH is above 5.5. Correct radiographic confirmation requires that the tube follows the oesophagus, bisects the carina, crosses the diaphragm in the midline and has its tip clearly below the left hemidiaphragm. Documentation should record who interpreted the image and the criteria used. Radiology trainees are often asked to review these images urgently, and departments vary in whether formal reports are issued before feeding begins.",
    aims:
      "To assess whether chest radiographs performed to confirm NG tube position are of adequate quality and are interpreted using the four recommended criteria. To determine whether interpretation is documented by a competent professional before feeding. To identify episodes of misplacement and near misses.",
    primaryOutcome:
      "Proportion of NG tube position checks with documented interpretation against all four recommended radiographic criteria before first use of the tube.",
    methods:
      "Retrospective audit of consecutive chest radiographs requested to confirm NG tube position in adult inpatients over a one-month data collection period at each site. Fine-bore tubes placed under fluoroscopy or endoscopy, gastrostomies and paediatric patients are excluded. Collaborators will independently review each image for adequacy and tube position, and review clinical notes and the radiology report for documentation of the four criteria, the professional who interpreted the image and the time feeding started. Misplaced tubes and any related incidents will be recorded.",
    dataItems:
      "age band, ward type, time of radiograph, in or out of hours, pH test attempted, image includes diaphragm, tube visible to tip, tube position on review, four criteria documented, interpreting professional, formal radiology report issued, time to report, feeding started before confirmation, misplacement identified, incident reported",
    design: "AUDIT",
    modalities: ["PLAIN_FILM"],
    subspecialties: ["CHEST"],
    targetCasesPerSite: 100,
  },
  {
    slug: "trainee-research-experience-survey",
    title: "Research experience, opportunities and barriers among UK radiology specialty trainees: a national survey",
    summary:
      "Radiology trainees are expected to understand research and take part in it during their training, but opportunities differ widely between regions. This national online survey will ask radiology trainees in all four UK nations about their research experience, the support they receive, the time they have available and what stops them getting involved. The findings will help the collaborative and training programmes design better support for trainee research.",
    background:
      "The RCR clinical radiology curriculum requires trainees to demonstrate research and audit capabilities, including critical appraisal and participation in research activity. Trainee research collaboratives in surgery, anaesthesia and emergency medicine have shown that networked, multicentre projects can deliver high-quality research and widen participation. Radiology trainees face particular challenges including heavy reporting workloads, limited protected time, and fewer academic radiology posts than other specialties. Differences between training regions in academic supervision and access to research infrastructure have not been systematically described. Understanding these factors is essential to design effective collaborative projects and to advocate for protected research time within radiology training programmes.",
    aims:
      "To describe the research experience and outputs of UK clinical radiology trainees. To identify perceived barriers and enablers to research participation. To explore regional variation and interest in collaborative multicentre projects.",
    primaryOutcome:
      "Proportion of respondents who report active involvement in a research project during the previous 12 months.",
    methods:
      "Cross-sectional online survey of clinical radiology specialty trainees in all UK training regions, distributed through regional trainee representatives, training programme directors and social media. The questionnaire will be piloted with ten trainees before launch and will remain open for eight weeks with two reminders. Questions cover demographics, training stage, prior degrees, research outputs, protected time, supervision and barriers, using Likert scales and free-text responses. Responses are anonymous and no identifiable information is collected. Descriptive statistics will be reported by training region and free text analysed thematically.",
    dataItems:
      "training region, specialty training year, less than full time training, higher degree held, academic post, publications, presentations, audits completed, protected research time, supervisor access, perceived barriers, interest in collaborative research, preferred project types",
    design: "SURVEY",
    modalities: [],
    subspecialties: [],
    targetCasesPerSite: 20,
  },
  {
    slug: "discrepancy-feedback-trainee-survey",
    title: "Feedback on out-of-hours reporting discrepancies for radiology trainees: a national survey of experience and learning culture",
    summary:
      "Radiology trainees report many scans overnight, and these reports are later checked by consultants. When there is a difference between the two reports, feedback helps trainees learn and keeps patients safe. How this feedback is given varies greatly between hospitals. This national survey will ask radiology trainees how they receive feedback on overnight scan reports, whether it is helpful and supportive, and how it affects their confidence and wellbeing.",
    background:
      "Out-of-hours preliminary reporting of CT and radiographs by trainees is a fundamental component of UK radiology service provision and training. Discrepancies between preliminary and final reports are inevitable, and the RCR standards for learning from discrepancies and events emphasise a supportive, non-punitive learning culture with structured, timely feedback. Systems range from informal verbal feedback to electronic discrepancy logging and regular learning meetings. Poorly delivered feedback may affect trainee confidence and wellbeing, while absent feedback limits learning and the opportunity to improve patient safety. The General Medical Council national training survey touches on feedback but does not address radiology-specific reporting processes. A national trainee survey will describe current practice and perceptions.",
    aims:
      "To describe how radiology trainees receive feedback on discrepancies in out-of-hours reports. To assess perceived usefulness, timeliness and tone of feedback. To explore the relationship between feedback systems and trainee confidence and wellbeing.",
    primaryOutcome:
      "Proportion of respondents who report receiving structured feedback on the majority of significant out-of-hours discrepancies.",
    methods:
      "Online cross-sectional survey of clinical radiology trainees participating in out-of-hours preliminary reporting in the UK. The questionnaire, developed with trainee representatives and consultant educational supervisors and piloted at two sites, will be open for six weeks and distributed via regional networks. It includes questions on feedback mechanisms, timeliness, learning meetings, emotional impact and suggestions for improvement, using Likert scales and free-text items. Local leads will also complete a short departmental questionnaire describing the discrepancy system in place.",
    dataItems:
      "training region, specialty training year, on-call rota type, modalities reported out of hours, feedback mechanism, time to feedback, feedback usefulness, feedback tone, learning from discrepancies meeting attendance, confidence score, wellbeing impact, suggested improvements",
    design: "SURVEY",
    modalities: ["CT", "PLAIN_FILM"],
    subspecialties: ["EMERGENCY"],
    targetCasesPerSite: 20,
  },
  {
    slug: "pet-ct-lung-cancer-pathway",
    title: "Timeliness of PET-CT in the lung cancer diagnostic pathway against the National Optimal Lung Cancer Pathway",
    summary:
      "People with suspected lung cancer often need a PET-CT scan, which uses a small amount of a radioactive tracer to show how far a cancer has spread. This helps doctors choose the right treatment. National guidance sets out how quickly each step in the lung cancer pathway should happen. This project will measure the time from the first CT scan to the PET-CT scan and its report in UK hospitals, to find where delays occur.",
    background:
      "The National Optimal Lung Cancer Pathway (NOLCP) sets out target timelines for each step from an abnormal chest radiograph or CT to treatment, including completion of PET-CT staging soon after the staging CT, to support the 62-day cancer treatment standard and the 28-day faster diagnosis standard. PET-CT capacity in the UK is provided through a mixture of static NHS scanners and mobile units under independent sector contracts, and access varies considerably by region. Delays in PET-CT scheduling and reporting are a recognised cause of breaches of cancer waiting times. This service evaluation will describe current timelines and identify organisational factors that contribute to delay.",
    aims:
      "To measure the interval between staging CT and PET-CT, and between PET-CT and report, for patients with suspected lung cancer. To compare these intervals with NOLCP targets. To describe PET-CT service models and their association with delay.",
    primaryOutcome:
      "Median interval in days between staging CT and PET-CT report availability for patients with suspected lung cancer.",
    methods:
      "Retrospective service evaluation of consecutive patients with suspected lung cancer who underwent FDG PET-CT for staging over a three-month period at each site. Patients having PET-CT for response assessment or recurrence are excluded. Dates of CT, PET-CT request, PET-CT scan, report and multidisciplinary team meeting will be extracted from the radiology information system, PACS and cancer tracking systems. Sites will complete a questionnaire describing their PET-CT provider, scanner location and reporting arrangements.",
    dataItems:
      "age band, sex, referral route, staging CT date, PET-CT request date, PET-CT scan date, PET-CT report date, MDT date, PET-CT provider model, reporting model, stage change after PET-CT, further biopsy required, treatment intent",
    design: "SERVICE_EVALUATION",
    modalities: ["NUCLEAR_MEDICINE", "CT"],
    subspecialties: ["CHEST", "ONCOLOGY"],
    targetCasesPerSite: 50,
  },
  {
    slug: "bone-scan-prostate-staging",
    title: "Appropriateness of bone scintigraphy for staging newly diagnosed prostate cancer: a multicentre audit against NICE NG131",
    summary:
      "Men newly diagnosed with prostate cancer are sometimes sent for a bone scan to check whether the cancer has spread to the bones. For men with lower-risk cancer, the chance of spread is very small, so the scan is unlikely to help and adds radiation exposure and waiting time. This audit will check whether bone scans across UK hospitals are being requested for the right patients according to national guidance.",
    background:
      "NICE guideline NG131 recommends risk stratification of newly diagnosed localised prostate cancer using PSA, Gleason grade group and clinical stage, and advises that isotope bone scintigraphy is offered to men with high-risk disease, and considered in selected intermediate-risk disease, but not in low-risk disease where the yield is minimal. Despite this, audits have identified continued use of bone scintigraphy in low-risk patients, and variable uptake of alternative modalities such as whole-body MRI and PSMA PET-CT. Inappropriate imaging consumes nuclear medicine capacity, introduces radiation exposure and may yield equivocal findings requiring further investigation. A multicentre audit will assess compliance and the diagnostic yield of staging bone scans.",
    aims:
      "To determine the proportion of staging bone scans in newly diagnosed prostate cancer that are concordant with NICE NG131 risk criteria. To describe the diagnostic yield of bone scintigraphy by risk group. To describe the use of alternative staging modalities.",
    primaryOutcome:
      "Proportion of staging bone scans performed in men with low-risk prostate cancer, where the standard is zero percent.",
    methods:
      "Retrospective audit of consecutive men undergoing bone scintigraphy for staging of newly diagnosed prostate cancer over a four-month period at each site. Scans for biochemical recurrence, restaging or symptomatic assessment are excluded. Collaborators will extract PSA, histology and clinical stage from the MDT outcome, assign the NICE risk group, and review the bone scintigraphy report and any further imaging required to resolve equivocal findings. Data collection is expected to take four weeks per site.",
    dataItems:
      "age band, PSA at diagnosis, Gleason grade group, clinical T stage, NICE risk group, bone scan result, equivocal findings, further imaging for equivocal findings, whole-body MRI performed, PSMA PET-CT performed, time from diagnosis to bone scan",
    design: "AUDIT",
    modalities: ["NUCLEAR_MEDICINE"],
    subspecialties: ["GENITOURINARY", "ONCOLOGY", "MUSCULOSKELETAL"],
    targetCasesPerSite: 60,
  },
  {
    slug: "emergency-nephrostomy-timing",
    title: "Time to decompression and outcomes of emergency percutaneous nephrostomy for obstructed infected kidneys",
    summary:
      "When a kidney is blocked, for example by a stone, and becomes infected, it can cause life-threatening sepsis. One way to relieve the blockage is a nephrostomy, where a radiologist places a thin tube through the skin into the kidney using ultrasound and X-ray guidance. This study will look at how quickly these procedures are performed in UK hospitals, how often they succeed, and how patients recover, including whether delays are linked to worse outcomes.",
    background:
      "An obstructed infected kidney is a urological emergency requiring prompt decompression, either by retrograde ureteric stenting or percutaneous nephrostomy. Guidance from the European Association of Urology and UK interventional radiology bodies emphasises urgent decompression, and national reviews have highlighted inequitable access to out-of-hours interventional radiology across the UK. Many district general hospitals rely on network arrangements or ad hoc rotas for emergency nephrostomy, which may lead to delay or inter-hospital transfer. There is limited national data on time to decompression, technical success and complications. A multicentre cohort will describe current provision and examine the association between time to decompression and clinical outcome.",
    aims:
      "To measure the time from decision to decompress to nephrostomy insertion in patients with obstructed infected kidneys. To describe technical success and complication rates. To explore the association between delay, out-of-hours provision and patient outcomes.",
    primaryOutcome:
      "Median time in hours from documented decision to decompress to successful nephrostomy insertion.",
    methods:
      "Retrospective cohort study of consecutive adults undergoing emergency percutaneous nephrostomy for suspected or confirmed infected obstructed kidney over a 12-month period at each site. Elective nephrostomies and those for non-infective obstruction are excluded. Collaborators will extract decision time, procedure time, operator details, technique and complications from clinical and radiology records. Outcomes include critical care admission, length of stay and 30-day mortality. Each site will also describe its out-of-hours interventional radiology provision.",
    dataItems:
      "age band, sex, cause of obstruction, sepsis criteria met, decision time, procedure time, in or out of hours, inter-hospital transfer, operator grade, guidance used, technical success, catheter size, complications, CIRSE grade, critical care admission, length of stay, 30-day mortality",
    design: "COHORT",
    modalities: ["INTERVENTIONAL", "ULTRASOUND"],
    subspecialties: ["GENITOURINARY", "EMERGENCY"],
    targetCasesPerSite: 30,
  },
  {
    slug: "paediatric-appendicitis-ultrasound",
    title: "Diagnostic performance of ultrasound for suspected appendicitis in children across UK hospitals",
    summary:
      "Appendicitis is the most common reason for emergency abdominal surgery in children. Ultrasound scanning avoids radiation and is often the first test used, but how well it works depends on the skill and experience of the person scanning. Sometimes the appendix cannot be seen at all. This study will look at ultrasound scans for suspected appendicitis in children across UK hospitals and compare the results with what was found at surgery or during follow-up, to measure how accurate ultrasound is in everyday practice.",
    background:
      "Ultrasound is recommended as the first-line imaging test for suspected appendicitis in children, avoiding the radiation dose associated with CT. Specialist paediatric centres report high sensitivity and specificity, but performance in general hospitals, where scans may be performed out of hours by trainees or sonographers with less paediatric experience, is less well characterised. A non-visualised appendix is common and its significance varies with the clinical context. Structured reporting and the use of secondary signs may improve diagnostic value. Negative appendicectomy rates in UK children remain higher than in some other countries. A multicentre study spanning district general and tertiary hospitals will describe real-world diagnostic performance and the impact of operator and reporting factors.",
    aims:
      "To estimate the sensitivity and specificity of ultrasound for appendicitis in children in routine UK practice. To determine the appendix visualisation rate and factors associated with non-visualisation. To describe the use of structured reporting and subsequent imaging.",
    primaryOutcome:
      "Sensitivity of ultrasound for histologically confirmed appendicitis in children under 16 years.",
    methods:
      "Retrospective cohort study of consecutive children aged under 16 years undergoing ultrasound for suspected appendicitis over a six-month period at each site. Children with a previous appendicectomy or known inflammatory bowel disease are excluded. The reference standard is histology for those undergoing surgery, and absence of appendicitis on 30-day review of electronic records for those managed without surgery. Collaborators will record operator type, visualisation, reported findings and subsequent imaging. Sensitivity and specificity will be calculated overall and by site type.",
    dataItems:
      "age band, sex, BMI category, Alvarado or PAS score, time of scan, in or out of hours, operator type, appendix visualised, appendix diameter, secondary signs, structured report used, ultrasound conclusion, further imaging, appendicectomy performed, histology result, 30-day re-presentation",
    design: "COHORT",
    modalities: ["ULTRASOUND"],
    subspecialties: ["PAEDIATRIC", "GASTROINTESTINAL", "EMERGENCY"],
    targetCasesPerSite: 60,
  },
  {
    slug: "occult-hip-fracture-imaging",
    title: "Access to MRI for suspected occult hip fracture: a multicentre service evaluation against NICE CG124",
    summary:
      "Older people who fall and have hip pain sometimes have a broken hip that does not show on the first X-ray. An MRI scan can detect these hidden fractures, and national guidance says it should be done within 24 hours so surgery is not delayed. If MRI is not available, a CT scan may be used instead. This project will look at how quickly patients with a suspected hidden hip fracture get further scans in UK hospitals and what those scans find.",
    background:
      "NICE clinical guideline CG124 recommends MRI for patients with a suspected hip fracture despite negative anteroposterior pelvis and lateral hip radiographs, and advises CT if MRI is not available within 24 hours or is contraindicated. Delay to diagnosis of occult fractures prolongs immobility and pain, and delays surgery beyond the 36-hour target reported by the National Hip Fracture Database. MRI access out of hours and at weekends is limited in many hospitals, and CT is increasingly used as the first cross-sectional test despite lower sensitivity for undisplaced fractures. MRI frequently identifies alternative diagnoses such as pubic rami or sacral insufficiency fractures. A multicentre evaluation will quantify access and diagnostic yield.",
    aims:
      "To measure the time from negative radiographs to cross-sectional imaging for suspected occult hip fracture. To describe the modality used and the diagnostic yield of MRI and CT. To compare practice with NICE CG124 recommendations.",
    primaryOutcome:
      "Proportion of patients with suspected occult hip fracture who undergo MRI within 24 hours of negative radiographs.",
    methods:
      "Retrospective service evaluation of consecutive adults aged 50 years and over with suspected hip fracture and negative or equivocal initial radiographs who underwent further cross-sectional imaging over a six-month period at each site. Patients with an obvious fracture on radiographs are excluded. Dates and times of radiographs, requests and scans will be extracted from the radiology information system. Collaborators will review reports for proximal femoral fracture, alternative fractures and soft tissue injuries, and record time to surgery where relevant.",
    dataItems:
      "age band, sex, radiograph time, radiograph conclusion, first cross-sectional modality, request time, scan time, day of week, MRI contraindication, proximal femoral fracture identified, alternative fracture identified, second modality required, surgery performed, time to surgery",
    design: "SERVICE_EVALUATION",
    modalities: ["MRI", "CT", "PLAIN_FILM"],
    subspecialties: ["MUSCULOSKELETAL", "EMERGENCY"],
    targetCasesPerSite: 40,
  },
  {
    slug: "incidental-breast-findings-ct",
    title: "Prevalence and reporting of incidental breast lesions on CT of the chest: a cross-sectional multicentre study",
    summary:
      "CT scans of the chest also show part of the breasts, and sometimes a lump is seen by chance. A small number of these turn out to be breast cancer, so it is important that they are noticed, described in the report and followed up. This study will look at chest CT scans from hospitals across the UK to find out how often breast lumps are visible, whether they are mentioned in the report, and whether patients are referred for breast assessment.",
    background:
      "Incidental breast lesions are seen on a small proportion of chest CT examinations, and published series report that a meaningful minority of lesions referred for assessment prove malignant. Because breast tissue is at the edge of the field of view and is not the focus of the request, lesions may be overlooked or mentioned without a clear recommendation. Most lesions warrant correlation with prior mammography and, where appropriate, referral to a symptomatic breast clinic for triple assessment. Awareness of CT features suggestive of malignancy, such as irregular margins and spiculation, varies among general radiologists and trainees. This study will estimate prevalence and measure how consistently lesions are reported and acted upon.",
    aims:
      "To estimate the prevalence of incidental breast lesions on chest CT. To determine the proportion of visible lesions that are reported with a clear recommendation. To describe the outcomes of referred lesions.",
    primaryOutcome:
      "Proportion of incidental breast lesions identified on blinded review that are described in the original CT report.",
    methods:
      "Cross-sectional study of consecutive contrast-enhanced CT chest examinations in adults over a one-month period at each site. Patients with known breast cancer, breast implants or previous mastectomy are excluded. A collaborator will review the breast tissue on each examination blinded to the report, recording any focal lesion of 5 mm or more. The original report will then be reviewed for mention of the lesion and the recommendation made. Electronic records will be reviewed for six months for breast clinic referral, imaging and histology.",
    dataItems:
      "age band, sex, CT indication, lesion identified on review, lesion size, lesion margin, lesion enhancement, axillary node enlargement, lesion in original report, recommendation made, breast clinic referral, mammography or ultrasound result, biopsy performed, histology outcome",
    design: "CROSS_SECTIONAL",
    modalities: ["CT"],
    subspecialties: ["BREAST", "CHEST", "ONCOLOGY"],
    targetCasesPerSite: 150,
  },
  {
    slug: "ctca-extracardiac-findings",
    title: "Extracardiac findings on CT coronary angiography: prevalence, reporting and follow-up across UK centres",
    summary:
      "Many people with chest pain now have a CT scan of the heart arteries instead of other tests. As well as the heart, the scan shows parts of the lungs, liver and other structures, and sometimes unexpected findings such as lung nodules are seen. This study will check how often these findings occur, whether they are reported, and what follow-up tests patients have, helping departments balance the benefits of detecting important disease against unnecessary investigations.",
    background:
      "NICE guideline CG95 recommends CT coronary angiography (CTCA) as the first-line test for patients with typical or atypical angina, which has greatly increased CTCA activity in the UK. The Society of Cardiovascular Computed Tomography recommends that all structures within the scanned field of view are reviewed, but practice differs on whether a full field of view is reconstructed and on who reviews extracardiac structures, particularly where cardiologists report the coronary component. Extracardiac findings are common and most are clinically insignificant, but a small number represent lung cancer, aortic disease or other significant pathology. Over-reporting of trivial findings may trigger unnecessary follow-up. A multicentre cross-sectional study will describe prevalence, reporting and downstream investigation.",
    aims:
      "To estimate the prevalence of clinically significant extracardiac findings on CTCA. To describe reconstruction and reporting practices for extracardiac structures. To determine the proportion of findings generating further investigation.",
    primaryOutcome:
      "Proportion of CTCA examinations with a clinically significant extracardiac finding documented in the report.",
    methods:
      "Cross-sectional study of consecutive adult CTCA examinations performed for suspected stable coronary artery disease over a two-month period at each site. CT for structural heart intervention planning and congenital heart disease is excluded. Collaborators will review reports and, where available, the full field of view reconstruction, categorising extracardiac findings as significant, indeterminate or insignificant using a predefined list. Electronic records will be reviewed for six months for further imaging and diagnoses. Sites will complete a questionnaire on reconstruction and reporting models.",
    dataItems:
      "age band, sex, smoking status, calcium score, CAD-RADS category, full field of view reconstructed, reporting specialty, extracardiac finding present, finding category, finding organ, recommendation made, further imaging performed, final diagnosis",
    design: "CROSS_SECTIONAL",
    modalities: ["CT"],
    subspecialties: ["CARDIAC", "CHEST"],
    targetCasesPerSite: 100,
  },
  {
    slug: "thyroid-nodule-u-classification",
    title: "Use of the BTA U-classification in thyroid nodule ultrasound reports: a multicentre audit",
    summary:
      "Lumps in the thyroid gland in the neck are common and are usually assessed with an ultrasound scan. The British Thyroid Association has a grading system, from U1 to U5, that helps decide whether a needle test is needed. Reports that do not include a grade can lead to unnecessary tests or missed cancers. This audit will check thyroid ultrasound reports across UK hospitals to see whether the grading is used and whether decisions about needle testing match the grade.",
    background:
      "The British Thyroid Association (BTA) guidelines recommend that thyroid nodules are graded on ultrasound using the U1 to U5 classification, with fine needle aspiration cytology recommended for U3 to U5 nodules and not for U1 or U2 nodules. The system reduces unnecessary aspiration and helps ensure suspicious nodules are sampled. Thyroid ultrasound is performed by radiologists, trainees and sonographers in many settings, including head and neck clinics, general lists and community services, and reporting practice varies. Some departments have adopted other systems such as ACR TI-RADS. Ultrasound is also increasingly requested for incidental nodules found on CT, MRI and PET. A multicentre audit will measure compliance with the BTA classification and appropriateness of subsequent cytology.",
    aims:
      "To determine the proportion of thyroid ultrasound reports describing a nodule that include a BTA U-classification. To assess whether fine needle aspiration decisions are concordant with the assigned U grade. To identify factors associated with non-compliance.",
    primaryOutcome:
      "Proportion of thyroid ultrasound reports describing a nodule that assign a BTA U-classification to each described nodule.",
    methods:
      "Retrospective audit of consecutive diagnostic thyroid ultrasound examinations in adults over a three-month period at each site in which at least one nodule is described. Examinations for known thyroid cancer follow-up and post-thyroidectomy surveillance are excluded. Collaborators will review each report for the U-classification, nodule features and recommendations, and check subsequent records for cytology and its Thy classification. The standard is 100 percent of reports including a U grade, with a target of 95 percent concordance between U grade and sampling decision.",
    dataItems:
      "age band, sex, referral source, operator role, number of nodules, largest nodule size, U-classification assigned, alternative scoring system used, suspicious features described, FNA recommended, FNA performed, Thy category, surgical histology",
    design: "AUDIT",
    modalities: ["ULTRASOUND"],
    subspecialties: ["HEAD_AND_NECK", "ONCOLOGY"],
    targetCasesPerSite: 80,
  },
  {
    slug: "out-of-hours-ct-head-agreement",
    title: "Agreement between trainee preliminary and consultant final reports for out-of-hours CT head: a multicentre reader study",
    summary:
      "At night, brain CT scans are often first reported by radiology trainees, and the report is checked by a consultant the next day. Knowing how often the two reports agree, and which types of finding are most often missed or over-called, helps target teaching and reassures patients and clinicians. This study will compare trainee and consultant reports for overnight brain scans across many UK hospitals and look at whether any differences affected patient care.",
    background:
      "Radiology trainees provide a substantial proportion of out-of-hours preliminary reports for CT head, the most frequently requested emergency CT examination. Single-centre studies report major discrepancy rates of around 1 to 3 percent, but definitions and methods vary, limiting comparison. Factors such as training year, workload per shift and time of night may influence accuracy, and the relative contribution of perceptual and interpretive errors is uncertain. The RCR emphasises that discrepancy data should be used for learning rather than as a performance measure. A standardised multicentre study using a common discrepancy classification will provide robust benchmarks to inform teaching priorities and the supervision of out-of-hours work.",
    aims:
      "To measure agreement between trainee preliminary and consultant final reports for out-of-hours CT head. To categorise discrepancies by type and clinical significance. To explore associations with trainee experience and shift workload.",
    primaryOutcome:
      "Proportion of out-of-hours CT head examinations with a clinically significant discrepancy between preliminary and final reports.",
    methods:
      "Retrospective multicentre reader agreement study of consecutive unenhanced CT head examinations in adults preliminarily reported by trainees between 17:00 and 09:00 over a two-month period at each site. Examinations without a consultant final report within 72 hours are excluded. Two collaborators will independently compare the preliminary and final reports and grade discrepancies using a predefined classification, with disagreements resolved by a consultant lead. Clinical records will be reviewed to determine whether discrepancies changed management. Shift workload will be obtained from the radiology information system.",
    dataItems:
      "age band, CT indication, time of scan, trainee specialty training year, examinations reported in shift, preliminary report finding, final report finding, discrepancy present, discrepancy type, perceptual or interpretive error, clinical significance, change in management",
    design: "OTHER",
    modalities: ["CT"],
    subspecialties: ["NEURO", "EMERGENCY"],
    targetCasesPerSite: 100,
  },
  {
    slug: "ir-safety-checklist-qi",
    title: "Improving completion of the interventional radiology safety checklist: a multicentre quality improvement collaborative",
    summary:
      "Before any procedure, teams run through a short safety checklist to confirm they have the right patient, the right procedure and that everything needed is ready. In interventional radiology, where doctors use imaging to guide minimally invasive procedures, a specially adapted checklist is used. This project will measure how fully the checklist is completed in interventional radiology suites across the UK and test simple improvement ideas over several months to make procedures safer.",
    background:
      "The WHO Surgical Safety Checklist has been shown to reduce complications and mortality, and the British Society of Interventional Radiology (BSIR) has produced an adapted checklist for interventional radiology procedures. The National Safety Standards for Invasive Procedures (NatSSIPs) require organisations to have local standards covering sign-in, time out and sign-out. Compliance in interventional radiology can be affected by emergency work, small teams and procedures performed outside the main department. Partial completion, such as omission of the sign-out step, is common and limits the benefit. A quality improvement collaborative using Plan-Do-Study-Act cycles allows sites to share interventions and measure change over time using run charts.",
    aims:
      "To measure baseline completion of all phases of the interventional radiology safety checklist across participating sites. To implement and evaluate locally chosen improvement interventions using Plan-Do-Study-Act cycles. To share successful interventions across the collaborative.",
    primaryOutcome:
      "Proportion of interventional radiology procedures with fully completed sign-in, time out and sign-out phases of the safety checklist.",
    methods:
      "Multicentre quality improvement project with a baseline audit followed by at least two Plan-Do-Study-Act cycles. All elective and emergency procedures performed in the interventional radiology suite are eligible; ultrasound-guided procedures performed on general lists are excluded. At each site, 25 consecutive procedures will be sampled per measurement cycle over a six-month period. Collaborators will review the checklist documentation and record completion of each phase and element. Interventions such as team briefings, electronic checklists and visual prompts will be chosen locally. Run charts will be used to display change.",
    dataItems:
      "procedure type, elective or emergency, in or out of hours, operator grade, sign-in completed, time out completed, sign-out completed, team brief held, allergies confirmed, anticoagulation confirmed, consent confirmed, electronic checklist used, measurement cycle, intervention tested",
    design: "OTHER",
    modalities: ["INTERVENTIONAL"],
    subspecialties: ["VASCULAR"],
    targetCasesPerSite: 75,
  },
];
