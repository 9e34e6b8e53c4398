import { describe, expect, it } from "vitest";
import { errorWords, percentWords, rpsWords, servedByWords, trafficSentence } from "./served-by-words";
import type { ServedBy } from "./types";

const row = (servedBy: Array<[string, number]>, rps = 1): ServedBy => ({
  sourceCluster: "west",
  fqdn: "details.bookinfo.svc.cluster.local",
  rps,
  errorRate: 0,
  servedBy: servedBy.map(([cluster, share]) => ({ cluster, share, rps: share * rps })),
});

describe("percentWords", () => {
  it.each([
    [1, "100 %"],
    [0, "0 %"],
    [0.004, "< 1 %"],
    [0.996, "> 99 %"],
    [0.7, "70 %"],
    [0.333, "33 %"],
    [0.005, "1 %"],
  ])("%d → %s", (share, words) => {
    expect(percentWords(share)).toBe(words);
  });
});

describe("rpsWords", () => {
  it.each([
    [0, "0 req/s"],
    [0.05, "< 0.1 req/s"],
    [1, "1.0 req/s"],
    [1.44, "1.4 req/s"],
    [12.6, "13 req/s"],
  ])("%d → %s", (rps, words) => {
    expect(rpsWords(rps)).toBe(words);
  });
});

describe("errorWords", () => {
  it.each([
    [0, undefined],
    [0.02, "2 % 5xx"],
    [1, "100 % 5xx"],
  ])("%d → %s", (rate, words) => {
    expect(errorWords(rate)).toBe(words);
  });
});

describe("servedByWords", () => {
  it.each<[string, ServedBy | undefined, string]>([
    ["no row", undefined, "no requests in the last minute"],
    ["a row at rate 0", row([], 0), "no requests in the last minute"],
    ["one cluster", row([["east", 1]]), "served by east 100 % in the last minute"],
    ["split", row([["west", 0.7], ["east", 0.3]]), "served by west 70 %, east 30 % in the last minute"],
    ["a sliver stays visible", row([["east", 0.998], ["west", 0.002]]), "served by east > 99 %, west < 1 % in the last minute"],
    ["more than three clusters", row([["a", 0.4], ["b", 0.3], ["c", 0.2], ["d", 0.05], ["e", 0.05]]), "served by a 40 %, b 30 %, c 20 %, 2 others 10 % in the last minute"],
    ["some requests unanswered", row([["east", 0.75]]), "served by east 75 % in the last minute; 25 % not answered"],
    ["none answered", row([], 2), "no cluster answered in the last minute"],
  ])("%s", (_name, r, words) => {
    expect(servedByWords(r)).toBe(words);
  });
});

describe("trafficSentence", () => {
  it.each<[string, { cluster: string; words: string }, ServedBy | undefined, string]>([
    ["failed over, served remotely", { cluster: "west", words: "Failed over" }, row([["east", 1]]), "west: failed over; served by east 100 % in the last minute"],
    ["serving locally, served locally", { cluster: "west", words: "Serving locally" }, row([["west", 1]]), "west: serving locally; served by west 100 % in the last minute"],
    ["no traffic", { cluster: "east", words: "At risk" }, undefined, "east: at risk; no requests in the last minute"],
  ])("%s", (_name, cell, r, sentence) => {
    expect(trafficSentence(cell, r)).toBe(sentence);
  });
});
