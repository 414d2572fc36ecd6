import { describe, expect, it } from "vitest";
import { learningCurve } from "../../widgets/figures/learning_curve";
import {
  carrierHTML,
  figureHTML,
  figureJSON,
  plotlyBundle,
  scriptSafe,
  svgDataURI,
  toHTML,
} from "../../widgets/html";
import { noisyHistory } from "./fixtures";

const copiesOfPlotly = (html: string) => html.split("plotly.js (cartesian").length - 1;

describe("toHTML", () => {
  it("is a standalone page: plotly inlined once, the runtime, each figure queued with its static image", () => {
    const figure = learningCurve(noisyHistory());
    const page = toHTML([figure, figure], { title: "two curves" });
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain("<title>two curves</title>");
    expect(copiesOfPlotly(page)).toBe(1);
    expect(page).not.toMatch(/<script[^>]+src=/); // nothing fetched: works offline
    expect(page.match(/class="nnlab-figure"/g)).toHaveLength(2);
    expect(page.match(/class="nnlab-static"/g)).toHaveLength(2);
  });

  it("carries plotly.js inside a function that hides require.js's define, evaluated only when missing", () => {
    const { version } = plotlyBundle();
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const carrier = carrierHTML();
    expect(carrier).toContain(`if (!window.Plotly || window.Plotly.version !== "${version}")`);
    expect(carrier).toContain("(function (define, module, exports) {");
    expect(carrier).toContain(`window.nnlab = { version: VERSION`);
  });
});

describe("figureHTML", () => {
  it("queues [id, figure, { live }] for the page runtime, after a div holding the static image", () => {
    const html = figureHTML(
      { data: [{ type: "scatter", y: [1, 2] }], layout: { height: 300 } },
      { id: "f1", live: "abc", svg: "<svg/>" },
    );
    expect(html).toContain(
      '<div class="nnlab-figure" id="f1" style="width:100%;min-height:300px">',
    );
    expect(html).toContain(
      `.push(["f1",{"data":[{"type":"scatter","y":[1,2]}],"layout":{"height":300}},{"live":"abc"}])`,
    );
  });
});

describe("figureJSON", () => {
  it("keeps 6 significant digits of fractions and every digit of integers", () => {
    expect(figureJSON({ y: [0.123456789, 1234567, 2.5e-7 / 3, NaN] })).toBe(
      '{"y":[0.123457,1234567,8.33333e-8,null]}',
    );
  });
});

describe("escaping", () => {
  it("keeps </script> and <!-- out of inline scripts", () => {
    const js = scriptSafe('var s = "</script><!-- x";');
    expect(js).toBe('var s = "<\\/script><\\!-- x";');
    expect(new Function(`${js}; return s;`)()).toBe("</script><!-- x");
  });

  it("puts an SVG in a data: URL that decodes back to the same SVG", () => {
    const svg =
      "<svg xmlns='http://www.w3.org/2000/svg'><text fill='#444'>50% &amp; \"q\"</text></svg>";
    const uri = svgDataURI(svg);
    expect(uri).not.toMatch(/[<>"#]/);
    const attribute = uri.replace(/&amp;/g, "&"); // what the HTML parser hands the browser
    expect(decodeURIComponent(attribute.slice(attribute.indexOf(",") + 1))).toBe(svg);
  });
});
