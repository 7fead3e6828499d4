import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart";
import { LineChart } from "./line-chart";

/** The kinds of mark drawn in the chart, and the kinds the key explains. */
function marksAndKey(html: string) {
  const [key = "", rest = ""] = html.split(/<\/ul>/, 2);
  const kinds = (text: string) => new Set([...text.matchAll(/data-mark="([a-z]+)"/g)].map((match) => match[1]));
  return { drawn: kinds(rest), explained: kinds(key) };
}

const day = (n: number) => new Date(Date.UTC(2026, 8, 1 + n));

describe("every mark of a chart has an entry in its key", () => {
  it("names the bars and the regional target marker", () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        title: "Cases by region",
        summary: "London: 34 of 50",
        labelHeading: "Region",
        valueHeading: "Cases of target",
        legend: { bar: "Cases submitted", marker: "Target for the region" },
        bars: [
          { label: "London", value: 34, marker: 50, text: "34 of 50" },
          { label: "Wales", value: 12, marker: 10, text: "12 of 10" },
        ],
      }),
    );
    const { drawn, explained } = marksAndKey(html);
    expect(drawn).toEqual(new Set(["bar", "marker"]));
    expect(explained).toEqual(drawn);
    expect(html).toContain("Target for the region");
    // The bar reaches 34/50 of the longest mark; the marker sits at the end.
    expect(html).toContain("width:68%");
    expect(html).toContain("left:calc(100% - 1px)");
  });

  it("does not explain a marker that is not drawn", () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, { title: "Sites by status", summary: "Active: 3", labelHeading: "Status", valueHeading: "Sites", bars: [{ label: "Active", value: 3 }] }),
    );
    const { drawn, explained } = marksAndKey(html);
    expect(drawn).toEqual(new Set(["bar"]));
    expect(explained).toEqual(drawn);
    expect(html).toContain(">Sites<");
  });

  it("names the highlighted bar, and draws shares against a full bar of 100%", () => {
    const html = renderToStaticMarkup(
      createElement(BarChart, {
        title: "Share of target reached",
        summary: "This site 88%",
        labelHeading: "Compared",
        valueHeading: "Share of target",
        max: 100,
        bars: [
          { label: "This site", value: 88, text: "88%", highlight: true },
          { label: "Middle site nationally", value: 74, text: "74%" },
        ],
      }),
    );
    const { drawn, explained } = marksAndKey(html);
    expect(drawn).toEqual(new Set(["highlight", "bar"]));
    expect(explained).toEqual(drawn);
    // 88% is not drawn as a full bar just because it is the largest.
    expect(html).toContain("width:88%");
  });

  it("names the line and the target line, and keeps the data table", () => {
    const points = [0, 7, 14].map((n, i) => ({ at: day(n), value: (i + 1) * 20 }));
    const html = renderToStaticMarkup(createElement(LineChart, { title: "Cases over time", summary: "60 now", points, target: 100, valueLabel: "Cumulative cases" }));
    const { drawn, explained } = marksAndKey(html);
    expect(drawn).toEqual(new Set(["line", "dashed"]));
    expect(explained).toEqual(drawn);
    expect(html).toContain("Target: 100");
    expect(html).toContain("<table");
    expect([...html.matchAll(/<tr>/g)]).toHaveLength(points.length + 1);
  });

  it("draws no target line without a target", () => {
    const html = renderToStaticMarkup(createElement(LineChart, { title: "Cases", summary: "5 now", points: [{ at: day(0), value: 5 }], valueLabel: "Cumulative cases" }));
    const { drawn, explained } = marksAndKey(html);
    expect(drawn).toEqual(new Set(["line"]));
    expect(explained).toEqual(drawn);
  });
});
