// Compares the statements an LRS holds (one JSON statement a line) with the
// figures of `tpquiz report --csv`: per learner the quiz and exam attempts,
// each exam's percent and verdict, each module's best quiz percent and
// whether it passed, and the certificate.
//   node compare.js REPORT.csv STATEMENTS.jsonl
"use strict";
const fs = require("fs");
const [csvPath, stPath] = process.argv.slice(2);

function sections(text) {
  const out = {};
  let name = null, header = null;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) { name = null; continue; }
    if (name === null) { name = line.trim(); header = null; out[name] = []; continue; }
    const cells = line.split(",");
    if (!header) { header = cells; continue; }
    const row = {};
    header.forEach((h, i) => (row[h] = cells[i]));
    out[name].push(row);
  }
  return out;
}

const rep = sections(fs.readFileSync(csvPath, "utf8"));
const want = {};
const learner = (id) => (want[id] = want[id] || { quizzes: 0, exams: [], best: {}, certified: false });
for (const r of rep["Certification"]) {
  const l = learner(r.learner);
  l.quizzes += Number(r.quiz_attempts);
  l.certified = r.certified === "yes";
}
for (const r of rep["Module quizzes"])
  learner(r.learner).best[r.module] = { percent: Number(r.best_percent).toFixed(2), passed: r.passed === "yes" };
for (const r of rep["Exam attempts"])
  learner(r.learner).exams.push(`${Number(r.percent).toFixed(2)} ${r.passed === "yes" ? "passed" : "failed"}`);

const got = {};
const seen = (id) => (got[id] = got[id] || { quizzes: 0, exams: [], best: {}, certified: false });
let n = 0;
for (const line of fs.readFileSync(stPath, "utf8").split("\n")) {
  if (!line.trim()) continue;
  n++;
  const s = JSON.parse(line);
  const who = s.actor.account.name, verb = s.verb.id.split("/").pop(), obj = s.object.id;
  const g = seen(who);
  if (verb === "completed") g.certified = true;
  if (verb !== "passed" && verb !== "failed") continue;
  const pct = Number(s.result.score.raw).toFixed(2);
  if (obj.endsWith("/exam")) {
    g.exams.push(`${pct} ${verb}`);
  } else if (obj.endsWith("/quiz")) {
    g.quizzes++;
    const module = obj.split("/").slice(-2)[0];
    const b = g.best[module];
    if (!b || Number(pct) > Number(b.percent)) g.best[module] = { percent: pct, passed: (b && b.passed) || verb === "passed" };
    else if (verb === "passed") b.passed = true;
  }
}

// Percents as printed (two decimals) may differ in the last digit from the
// statement's raw score rounded here: a tolerance of 0.011.
function sameExams(a, b) {
  if (a.length !== b.length) return false;
  const key = (e) => [Number(e.split(" ")[0]), e.split(" ")[1]];
  const x = a.map(key).sort((p, q) => p[0] - q[0]), y = b.map(key).sort((p, q) => p[0] - q[0]);
  return x.every((p, i) => Math.abs(p[0] - y[i][0]) < 0.011 && p[1] === y[i][1]);
}

let problems = 0;
const say = (m) => { problems++; console.log(m); };
for (const id of Object.keys(want)) {
  const w = want[id], g = got[id] || { quizzes: 0, exams: [], best: {}, certified: false };
  if (w.quizzes !== g.quizzes) say(`${id}: ${w.quizzes} quizzes in the report, ${g.quizzes} in the LRS`);
  if (!sameExams(w.exams, g.exams))
    say(`${id}: exams ${w.exams.join("; ")} in the report, ${g.exams.join("; ")} in the LRS`);
  for (const m of Object.keys(w.best)) {
    const a = w.best[m], b = g.best[m];
    if (!b || Math.abs(Number(a.percent) - Number(b.percent)) >= 0.011 || a.passed !== b.passed)
      say(`${id}/${m}: best ${a.percent} (${a.passed}) in the report, ${b ? `${b.percent} (${b.passed})` : "nothing"} in the LRS`);
  }
  if (w.certified !== g.certified) say(`${id}: certified ${w.certified} in the report, ${g.certified} in the LRS`);
}
for (const id of Object.keys(got)) if (!want[id]) say(`${id}: in the LRS, not in the report`);
const learners = Object.keys(want).length;
const certified = Object.values(want).filter((w) => w.certified).length;
const exams = Object.values(want).reduce((k, w) => k + w.exams.length, 0);
const quizzes = Object.values(want).reduce((k, w) => k + w.quizzes, 0);
console.log(`${learners} learners, ${quizzes} quizzes, ${exams} exams, ${certified} certified, ${n} statements; ${problems} differences`);
process.exit(problems ? 1 : 0);
