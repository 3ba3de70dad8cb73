// wirewatch web app: plain DOM (every text from an article goes in through textContent,
// never innerHTML), the JSON API of this same server, and vendored d3-geo/topojson.
"use strict";

const FILTERS = ["type", "country", "actor", "place", "since", "until", "factuality", "flag", "q"];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

async function api(path) {
  const answer = await fetch(path);
  const body = await answer.json();
  if (!answer.ok) throw new Error(body.error ? body.error.message : answer.statusText);
  return body;
}

function params() {
  return new URLSearchParams(window.location.search);
}

function actors(list) {
  return (list || []).map(a => a.country ? `${a.name} (${a.country})` : a.name).join("; ");
}

function place(p) {
  return p ? `${p.name}${p.country ? ", " + p.country : ""} (${p.precision})` : "";
}

function quantities(list) {
  return (list || []).map(q => q.text).join("; ");
}

function day(incident) {
  if (incident.time && incident.time.precision === "day" && incident.time.value) return incident.time.value.slice(0, 10);
  return incident.first_seen ? incident.first_seen.slice(0, 10) : null;
}

// -- the overview page ----------------------------------------------------------------------

async function overview() {
  const query = params();
  const form = document.getElementById("filters");
  for (const name of FILTERS) {
    if (form.elements[name] && query.get(name)) form.elements[name].value = query.get(name);
  }
  form.addEventListener("submit", event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = form.elements[name] && form.elements[name].value.trim();
      if (value) next.set(name, value);
    }
    window.location.search = next.toString();  // the view's URL is its state: shareable
  });
  const apiQuery = new URLSearchParams(query);
  apiQuery.delete("q");
  apiQuery.set("limit", "500");
  const status = document.getElementById("status");
  try {
    // the charts and the map count every filtered incident; the list shows the first 500
    const [summary, page] = await Promise.all([
      api("/api/incidents/summary?" + apiQuery.toString()),
      api("/api/incidents?" + apiQuery.toString())]);
    status.textContent = `${summary.total} incident(s)` + (summary.total > page.items.length ? `, the first ${page.items.length} listed` : "");
    drawTimeline(summary.by_day);
    drawCounts("by-type", summary.by_type);
    drawCounts("by-country", summary.by_country);
    drawList(page.items, query);
    await drawMap(summary.places);
    if (query.get("q")) await drawSearch(query.get("q"));
  } catch (error) {
    status.textContent = "Could not load incidents: " + error.message;
  }
}

function drawTimeline(byDay) {
  const box = document.getElementById("timeline");
  const bars = Object.entries(byDay).filter(([d]) => d !== "undated").map(([d, n]) => [d, n, false]);
  if (byDay.undated) bars.push(["undated", byDay.undated, true]);
  const width = 700, height = 160, top = Math.max(1, ...bars.map(b => b[1]));
  const chart = svg("svg", {viewBox: `0 0 ${width} ${height + 30}`, width: "100%", role: "img",
                            "aria-label": "incidents by day"});
  const step = width / Math.max(bars.length, 1);
  bars.forEach(([label, count, isUndated], i) => {
    const h = (count / top) * height;
    const rect = svg("rect", {x: i * step + 2, y: height - h, width: Math.max(step - 4, 2), height: h,
                              class: "bar" + (isUndated ? " undated" : ""), "data-day": label});
    rect.append(Object.assign(svg("title"), {textContent: `${label}: ${count}`}));
    chart.append(rect);
    if (bars.length <= 20 || i % Math.ceil(bars.length / 20) === 0) {
      chart.append(Object.assign(svg("text", {x: i * step + 2, y: height + 14}), {textContent: label}));
    }
  });
  box.replaceChildren(chart);
}

function drawCounts(id, counts) {
  const table = el("table", {}, el("tr", {}, el("th", {text: "value"}), el("th", {text: "incidents"})));
  for (const [value, count] of Object.entries(counts)) table.append(el("tr", {}, el("td", {text: value}), el("td", {text: String(count)})));
  document.getElementById(id).replaceChildren(table);
}

function drawList(items, query) {
  const table = el("table", {id: "incident-table"});
  table.append(el("tr", {}, ...["incident", "type", "factuality", "source", "target", "place", "quantities", "sources", "flags"].map(h => el("th", {text: h}))));
  for (const incident of items) {
    const link = el("a", {href: `/incident?id=${encodeURIComponent(incident.incident_id)}`, text: incident.incident_id});
    table.append(el("tr", {"data-incident": incident.incident_id},
      el("td", {}, link),
      el("td", {text: incident.event_type + (incident.intended ? ` (${incident.intended})` : "")}),
      el("td", {text: incident.factuality}),
      el("td", {text: actors(incident.source)}),
      el("td", {text: actors(incident.target)}),
      el("td", {text: place(incident.place)}),
      el("td", {text: quantities(incident.quantities)}),
      el("td", {text: String(incident.sources)}),
      el("td", {text: incident.flags.map(f => f.provision).join("; ")})));
  }
  document.getElementById("incidents").replaceChildren(table);
}

async function drawMap(places) {
  const box = document.getElementById("map");
  const world = await (await fetch("/static/vendor/countries-110m.json")).json();
  const width = 700, height = 360;
  const projection = d3.geoNaturalEarth1().fitSize([width, height], {type: "Sphere"});
  const path = d3.geoPath(projection);
  const map = svg("svg", {viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": "map of incident places"});
  for (const country of topojson.feature(world, world.objects.countries).features) {
    const shape = svg("path", {d: path(country), class: "country"});
    shape.append(Object.assign(svg("title"), {textContent: country.properties.name}));
    map.append(shape);
  }
  for (const p of places) {
    const [x, y] = projection([p.lon, p.lat]);
    const dot = svg("circle", {cx: x, cy: y, r: 3 + Math.min(p.sources, 5), class: "point", "data-incident": p.incident_id});
    dot.append(Object.assign(svg("title"), {textContent: `${p.incident_id}: ${p.event_type} at ${p.name} (${p.precision})`}));
    dot.addEventListener("click", () => { window.location.href = `/incident?id=${encodeURIComponent(p.incident_id)}`; });
    map.append(dot);
  }
  box.replaceChildren(map);
}

async function drawSearch(q) {
  const page = await api("/api/search?" + new URLSearchParams({q, limit: "50"}).toString());
  const list = el("ul", {});
  for (const hit of page.items) list.append(el("li", {}, el("span", {class: "muted", text: `${hit.article_id}: `}), el("span", {text: hit.text})));
  const box = document.getElementById("search-results");
  box.replaceChildren(el("h2", {text: `Sentences matching "${q}" (${page.total})`}), list);
  box.hidden = false;
}

// -- the incident page ----------------------------------------------------------------------

async function incidentPage() {
  const id = params().get("id");
  const title = document.getElementById("title");
  try {
    const incident = await api(`/api/incidents/${encodeURIComponent(id)}`);
    title.textContent = `Incident ${incident.incident_id}: ${incident.event_type}` + (incident.intended ? ` (to ${incident.intended})` : "");
    const fields = [
      ["type", incident.event_type + (incident.intended ? ` (intended ${incident.intended})` : "")],
      ["mode", incident.mode || ""], ["factuality", incident.factuality],
      ["source", actors(incident.source)], ["target", actors(incident.target)],
      ["recipient", actors(incident.recipient)], ["place", place(incident.place)],
      ["time", incident.time ? `${incident.time.text} (${incident.time.value || ""} ${incident.time.precision || ""})` : ""],
      ["quantities", quantities(incident.quantities)],
      ["ACLED", incident.acled ? `${incident.acled.event_type} / ${incident.acled.sub_event_type}` : ""],
      ["sources", `${incident.sources} independent, ${incident.mentions} mention(s)`],
      ["claimants", incident.claimants.map(c => `${c.claimant} (${c.sources})`).join("; ")],
      ["first seen", incident.first_seen || "undated"],
    ];
    const list = el("dl", {class: "fields"});
    for (const [name, value] of fields) if (value) list.append(el("dt", {text: name}), el("dd", {text: value}));
    document.getElementById("fields").replaceChildren(list);
    drawFlags(incident.flags);
    drawDiscrepancies(incident.discrepancies);
    await drawEvidence(incident);
  } catch (error) {
    title.textContent = "Could not load the incident: " + error.message;
  }
}

function drawFlags(flags) {
  const box = document.getElementById("flags");
  if (!flags.length) { box.replaceChildren(el("p", {class: "muted", text: "No rule pack flags this incident."})); return; }
  box.replaceChildren(...flags.map(f => el("div", {class: `flag ${f.confidence}`, "data-flag": f.flag_id},
    el("strong", {text: f.provision}), el("span", {text: ` (${f.confidence}: ${f.reasons.join("; ")})`}),
    el("p", {text: f.rationale}), el("p", {class: "muted", text: f.summary}))));
}

function drawDiscrepancies(list) {
  const box = document.getElementById("discrepancies");
  if (!list.length) { box.replaceChildren(el("p", {class: "muted", text: "No source contradicts another on this incident."})); return; }
  box.replaceChildren(...list.map(d => el("div", {class: "discrepancy"},
    el("strong", {text: d.subject}), el("p", {text: d.note}),
    el("ul", {}, ...d.values.map(v => el("li", {text: `${v.value}, per ${v.by}`}))))));
}

async function drawEvidence(incident) {
  const box = document.getElementById("evidence");
  box.replaceChildren();
  const byArticle = new Map();
  for (const mention of incident.evidence) {
    if (!byArticle.has(mention.article_id)) byArticle.set(mention.article_id, []);
    byArticle.get(mention.article_id).push(mention);
  }
  const trigger = incident.trigger;
  const articles = await Promise.all([...byArticle.keys()].map(id => api(`/api/articles/${encodeURIComponent(id)}`)));
  for (const article of articles) {
    const articleId = article.id, mentions = byArticle.get(articleId);
    const spans = mentions.flatMap(m => m.quotes).map(q => [q.start, q.end]).sort((a, b) => a[0] - b[0]);
    const heading = el("h2", {text: `${article.title || article.id}`});
    const meta = el("p", {class: "muted", text: [article.publisher, article.published, `article ${article.id}`,
      article.copies.length ? `copies: ${article.copies.join(", ")}` : "", article.copy_of !== article.id ? `copy of ${article.copy_of}` : ""].filter(Boolean).join(" · ")});
    box.append(el("section", {"data-article": article.id}, heading, meta, highlighted(article.text, spans, articleId === incident.evidence[0].article_id ? trigger : null)));
  }
}

function highlighted(whole, spans, trigger) {
  // The article text as text nodes, each evidence sentence in a <mark> (the trigger inside it
  // too). Offsets count characters (code points), as the server does, not UTF-16 units.
  const chars = Array.from(whole);
  const text = {slice: (a, b) => chars.slice(a, b).join("")};
  const box = el("div", {class: "article-text"});
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    box.append(document.createTextNode(text.slice(at, start)));
    const mark = el("mark", {class: "evidence"});
    if (trigger && trigger.start >= start && trigger.end <= end) {
      mark.append(document.createTextNode(text.slice(start, trigger.start)),
                  el("mark", {class: "trigger", text: text.slice(trigger.start, trigger.end)}),
                  document.createTextNode(text.slice(trigger.end, end)));
    } else {
      mark.textContent = text.slice(start, end);
    }
    box.append(mark);
    at = end;
  }
  box.append(document.createTextNode(text.slice(at)));
  return box;
}

document.addEventListener("DOMContentLoaded", () => {
  if (document.body.dataset.page === "overview") overview();
  if (document.body.dataset.page === "incident") incidentPage();
});
