/** Product-text matching against the shipped medicines file, and the file's own honesty checks. */
import { describe, expect, it } from 'vitest';
import acbScale from '../../shared/data/acb-scale.json';
import data from '../../shared/data/medicines.json';
import { asNeededFromText, MEDICINE_GROUPS, MEDICINES, matchMedicine, medicinesProfile, MONITORING_RULES } from '../../shared/rules/medicines';
import { buildDemoPractice } from '../../main/services/demoData';
import { med } from '../helpers/snapshot';

describe('product-text matching', () => {
  it.each([
    ['Amitriptyline 10mg tablets', 'Amitriptyline'],
    ['Co-codamol 30mg/500mg tablets', 'Co-codamol'],
    ['QUETIAPINE 25MG TABS', 'Quetiapine'],
    ['quetiapine 25 mg tablets', 'Quetiapine'],
    ['Risperidone 500microgram tablets', 'Risperidone'],
    ['Risperidone 1mg/ml oral solution sugar free', 'Risperidone'],
    ['Lithium carbonate 400mg modified-release tablets', 'Lithium carbonate'],
    ['Priadel 400mg modified-release tablets', 'Lithium carbonate'],
    ['Li-Liquid 509mg/5ml oral solution', 'Lithium citrate'],
    ['Morphine sulfate 10mg/5ml oral solution', 'Morphine'],
    ['Oramorph 10mg/5ml oral solution', 'Morphine'],
    ['Zomorph 10mg modified-release capsules', 'Morphine'],
    ['Apixaban 2.5mg tablets', 'Apixaban'],
    ['Eliquis 5mg tablets', 'Apixaban'],
    ['Warfarin sodium 1mg tablets', 'Warfarin'],
    ['Adcal-D3 chewable tablets', 'Calcium carbonate with colecalciferol'],
    ['Laxido orange oral powder sachets sugar free', 'Macrogol'],
    ['Doublebase emollient gel', 'Emollient'],
    ['Omeprazole 20mg gastro-resistant capsules', 'Omeprazole'],
    ['Lansoprazole 30mg orodispersible tablets', 'Lansoprazole'],
    ['Zopiclone 3.75mg tablets', 'Zopiclone'],
    ['Lorazepam 500microgram tablets', 'Lorazepam'],
    ['Sodium valproate 200mg gastro-resistant tablets', 'Sodium valproate'],
    ['Epilim Chrono 300 controlled release tablets', 'Sodium valproate'],
    ['Co-careldopa 25mg/100mg tablets', 'Co-careldopa'],
    ['Madopar 62.5 capsules', 'Co-beneldopa'],
    ['BuTrans 5micrograms/hour transdermal patches', 'Buprenorphine'],
    ['Fentanyl 12micrograms/hour transdermal patches', 'Fentanyl'],
    ['Chlorphenamine 4mg tablets', 'Chlorphenamine'],
    ['Piriton 4mg tablets', 'Chlorphenamine'],
    ['Furosemide 40mg tablets', 'Furosemide'],
    ['Isosorbide mononitrate 30mg modified-release tablets', 'Isosorbide mononitrate'],
    ['Glyceryl trinitrate 400micrograms/dose pump sublingual spray', 'Glyceryl trinitrate'],
    ['Tamsulosin 400microgram modified-release capsules', 'Tamsulosin'],
    ['Methotrexate 2.5mg tablets', 'Methotrexate'],
    ['Amiodarone 100mg tablets', 'Amiodarone'],
    ['Insulin glargine 100units/ml solution for injection 3ml pre-filled pens', 'Insulin'],
    ['Lantus SoloStar 100units/ml', 'Insulin'],
    ['Fortisip Compact Protein liquid', 'Oral nutritional supplement'],
    ['Hyoscine hydrobromide 300microgram tablets', 'Hyoscine hydrobromide'],
    ['Buscopan 10mg tablets', 'Hyoscine butylbromide'],
  ])('%s -> %s', (text, name) => {
    expect(matchMedicine(text).entry?.name).toBe(name);
  });

  it.each([
    'Hyoscine 300microgram tablets', // which salt? not guessed
    'Amitryptiline 10mg tablets', // misspelt: not guessed
    'Quetia 25mg tablets',
    'Zyxoprine 10mg tablets',
    '10mg amitriptyline tablets', // the name must lead
    '',
    'Tablets',
  ])('H11: %j is not recognised', (text) => {
    expect(matchMedicine(text).entry).toBeNull();
  });

  it('tags come with their scores and classes', () => {
    expect(matchMedicine('Amitriptyline 10mg tablets').entry).toMatchObject({ acb: 3, fallsRiskClass: 'antidepressants', antipsychotic: false });
    expect(matchMedicine('Quetiapine 25mg tablets').entry).toMatchObject({ acb: 3, antipsychotic: true, fallsRiskClass: 'antipsychotics' });
    expect(matchMedicine('Apixaban 2.5mg tablets').entry).toMatchObject({ anticoagulant: true, monitoring: 'doac' });
    expect(matchMedicine('Omeprazole 20mg capsules')).toMatchObject({ strengthMg: 20, entry: { ppiFullDoseMg: 20 } });
    expect(matchMedicine('Zopiclone 3.75mg tablets').entry).toMatchObject({ benzodiazepine: true });
    expect(matchMedicine('Levothyroxine 50microgram tablets').strengthMg).toBe(0.05);
  });

  it('does not count anticholinergic burden for topical products', () => {
    expect(matchMedicine('Hydrocortisone 1% cream').acb).toBe(0);
    expect(matchMedicine('Hydrocortisone 10mg tablets').acb).toBe(1);
  });
});

describe('a resident’s medicines', () => {
  it('H11: counts current medicines, totals ACB once per generic, lists falls-risk and what is not recognised', () => {
    const p = medicinesProfile({ medications: [
      med('Amitriptyline 10mg tablets', '2025-01-01'), med('Amitriptyline 25mg tablets', '2025-02-01'), med('Oxybutynin 5mg tablets', '2025-01-01'),
      med('Apixaban 2.5mg tablets', '2025-01-01'), med('Zyxoprine 10mg tablets', '2025-01-01'),
      med('Chlorphenamine 4mg tablets', '2024-01-01', { status: 'stopped', stoppedOn: '2024-06-01' }),
    ] });
    expect(p.count).toBe(5);
    expect(p.acbTotal).toBe(6);
    expect(p.fallsRisk).toEqual([{ name: 'Amitriptyline', reason: 'antidepressants' }, { name: 'Oxybutynin', reason: 'antimuscarinics' }, { name: 'Apixaban', reason: 'anticoagulant' }]);
    expect(p.notRecognised).toEqual(['Zyxoprine 10mg tablets']);
  });
});

describe('the medicines data file', () => {
  it('is versioned, names its sources, and every tag names a known source', () => {
    expect(data.version).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(MEDICINES.length).toBeGreaterThanOrEqual(200);
    for (const m of MEDICINES) for (const t of m.tags) expect(Object.keys(data.sources), `${m.name} ${t.tag}`).toContain(t.source);
  });

  it('has no name, alias or brand twice', () => {
    const all = MEDICINES.flatMap((m) => [m.name, ...m.aliases, ...m.brands].map((n) => n.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
  });

  it('has the anticholinergic score of the cited ACB table for every medicine, and no score the table does not give', () => {
    expect(acbScale.source).toMatch(/Anticholinergic Cognitive Burden/);
    const table = acbScale.scores as Record<string, number>;
    const inFile = Object.fromEntries(MEDICINES.filter((m) => m.acb > 0).map((m) => [m.name, m.acb]));
    expect(inFile).toEqual(table);
    // the corrections of issue 13, named so a regression reads plainly
    expect(inFile).toMatchObject({ Propiverine: 3, Cyproheptadine: 2, Nefopam: 2, Dosulepin: 3 });
  });

  it('uses only the tags the rules know, and puts each group the checks need on at least one medicine', () => {
    const known = new Set<string>([...MEDICINE_GROUPS, 'falls-risk', 'acb:1', 'acb:2', 'acb:3', ...MONITORING_RULES.map((r) => `monitoring:${r}`)]);
    for (const m of data.medicines) for (const t of m.tags) expect(known, `${m.name}: ${t.tag}`).toContain(t.tag);
    for (const g of MEDICINE_GROUPS) expect(MEDICINES.some((m) => m.groups.includes(g)), g).toBe(true);
    expect(matchMedicine('Co-codamol 30mg/500mg tablets').entry?.groups).toEqual(['paracetamol', 'opioid']);
    expect(matchMedicine('Tramacet 37.5mg/325mg tablets').entry?.groups).toContain('paracetamol');
  });

  it('recognises every medicine in the demo practice', () => {
    const names = new Set(buildDemoPractice('2026-11-23').residents.flatMap((r) => (r.records.medications ?? []).map((m) => m.name)));
    expect([...names].filter((n) => matchMedicine(n).entry === null)).toEqual([]);
  });
});

describe('as required and just in case, read from the product and dose text', () => {
  it.each([
    ['Paracetamol 500mg tablets', 'Two up to four times a day when required', 'as-required'],
    ['Lorazepam 500microgram tablets', 'One PRN', 'as-required'],
    ['Salbutamol 100micrograms/dose inhaler', 'Two puffs as required', 'as-required'],
    ['Midazolam 10mg/2ml injection', '2.5mg subcut when required, just in case', 'just-in-case'],
    ['Midazolam 10mg/2ml injection, 2.5mg subcut when required, just in case', null, 'just-in-case'],
    ['Haloperidol 5mg/ml injection PRN', null, 'just-in-case'],
    ['Hyoscine butylbromide 20mg/ml injection', 'Anticipatory medicine', 'just-in-case'],
    ['Morphine sulfate 10mg/ml injection', '2.5mg s/c p.r.n. for pain', 'just-in-case'],
    ['Sertraline 50mg tablets', 'One each morning', null],
    ['Hydroxocobalamin 1mg/ml injection', 'Every 12 weeks', null],
  ])('%s / %s -> %s', (name, dose, expected) => {
    expect(asNeededFromText(name, dose)).toBe(expected);
  });

  it('lists just-in-case medicines in place and leaves them out of the burden and falls risk', () => {
    const p = medicinesProfile({ medications: [med('Haloperidol 5mg/ml injection PRN', '2026-01-01'), med('Amitriptyline 10mg tablets', '2026-01-01')] });
    expect(p.justInCase).toEqual(['Haloperidol 5mg/ml injection PRN']);
    expect(p.acbTotal).toBe(3);
    expect(p.fallsRisk.map((f) => f.name)).toEqual(['Amitriptyline']);
  });
});
