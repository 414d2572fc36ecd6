import { describe, expect, it } from "vitest";
import { data, tensor } from "../../src";
import { ROLE, discrete, foldsWidget } from "../../widgets/figures/folds_widget";

const { train: T, val: V, test: S, unused: U } = ROLE;

describe("foldsWidget", () => {
  it("KFold(2) on 5 samples: roles [[val×3, train×2], [train×3, val×2]] (scikit-learn's folds)", () => {
    // sklearn.model_selection.KFold(2).split(np.zeros(5)) → val [0, 1, 2], then [3, 4]
    const fig = foldsWidget(new data.KFold(2), 5);
    expect(fig.roles).toEqual([
      [V, V, V, T, T],
      [T, T, T, V, V],
    ]);
    expect([T, V]).toEqual([1, 2]);
    expect(fig.data[0]).toMatchObject({
      type: "heatmap",
      z: fig.roles,
      x: [0, 1, 2, 3, 4],
      y: ["split 1", "split 2"],
      zmin: 0,
      zmax: 3,
      showscale: false,
    });
    expect(fig.data[0].text).toEqual([
      ["validation", "validation", "validation", "train", "train"],
      ["train", "train", "train", "validation", "validation"],
    ]);
    expect(fig.data.slice(1).map((t) => t.name)).toEqual(["train", "validation"]); // legend of the roles drawn
    expect(fig.nSplits).toBe(2);
    expect((fig.layout.title as { text: string }).text).toBe("KFold(2): 2 splits of 5 samples");
  });

  it("stratified k-fold with labels adds the class row, and groups a group row", () => {
    // sklearn StratifiedKFold(2).split(X, [0, 0, 0, 1, 1, 0]) → val [0, 1, 3], then [2, 4, 5]
    const y = [0, 0, 0, 1, 1, 0];
    const fig = foldsWidget(new data.StratifiedKFold(2), y, { groups: [0, 0, 1, 1, 2, 2] });
    expect(fig.roles).toEqual([
      [V, V, T, V, T, T],
      [T, T, V, T, V, V],
    ]);
    const [cls, grp] = [fig.data[1], fig.data[2]];
    expect(cls).toMatchObject({
      type: "heatmap",
      name: "class",
      y: ["class"],
      z: [[0, 0, 0, 1, 1, 0]],
    });
    expect(grp).toMatchObject({ name: "group", z: [[0, 0, 1, 1, 2, 2]], xaxis: "x3", yaxis: "y3" });
    const tensorLabels = foldsWidget(new data.StratifiedKFold(2), tensor(y));
    expect(tensorLabels.data[1].z).toEqual([[0, 0, 0, 1, 1, 0]]);
  });

  it("leave-p-out draws the first maxSplits rows and states C(n, p)", () => {
    const fig = foldsWidget(new data.LeavePOut(2), 10, { maxSplits: 5 });
    expect(fig.nSplits).toBe(45); // C(10, 2), sklearn LeavePOut(2).get_n_splits(np.zeros(10))
    expect(fig.roles).toHaveLength(5);
    expect(fig.roles[1].flatMap((r, i) => (r === V ? [i] : []))).toEqual([0, 2]); // lexicographic: [0,1], [0,2], …
    expect((fig.layout.title as { text: string }).text).toBe(
      "LeavePOut(2): first 5 of 45 splits (maxSplits = 5) of 10 samples",
    );
    const big = foldsWidget(new data.LeavePOut(3, { maxSplits: Infinity }), 150); // the splitter accepts it: 20 rows drawn
    expect(big.roles).toHaveLength(20);
    expect(big.nSplits).toBe(551300); // C(150, 3)
    expect(() => foldsWidget(new data.LeavePOut(3), 150)).toThrow(
      /551,300 splits for n = 150 exceed maxSplits = 100,000/,
    ); // what the splitter refuses
  });

  it("hold-out, leave-one-out, Monte Carlo (unused samples) and a train/val/test split", () => {
    const h = foldsWidget(new data.HoldOut({ valSize: 0.25, shuffle: false }), 8);
    expect(h.roles).toEqual([[T, T, T, T, T, T, V, V]]);
    const loo = foldsWidget(new data.LeaveOneOut(), 3);
    expect(loo.roles).toEqual([
      [V, T, T],
      [T, V, T],
      [T, T, V],
    ]);
    const mc = foldsWidget(new data.MonteCarloCV(3, { valSize: 2, trainSize: 5, seed: 0 }), 10);
    for (const row of mc.roles) {
      expect(row.filter((r) => r === V)).toHaveLength(2);
      expect(row.filter((r) => r === T)).toHaveLength(5);
      expect(row.filter((r) => r === U)).toHaveLength(3);
    }
    const s = data.trainValTestSplit(10, { sizes: [0.6, 0.2, 0.2], seed: 0 });
    const tvt = foldsWidget([s], 10);
    expect(tvt.roles[0].filter((r) => r === S)).toHaveLength(2);
    expect(Array.from(s.test).every((i) => tvt.roles[0][i] === S)).toBe(true);
  });

  it("a discrete colourscale paints each code its own flat band", () => {
    expect(discrete(["a", "b", "c"])).toEqual([
      [0, "a"],
      [0.25, "a"],
      [0.25, "b"],
      [0.75, "b"],
      [0.75, "c"],
      [1, "c"],
    ]);
  });

  it("passes the splitter's own refusals on and refuses bad options, naming expected and got", () => {
    expect(() => foldsWidget(new data.KFold(5), 3)).toThrow(
      /5 splits need at least 5 samples, got 3/,
    );
    expect(() => foldsWidget(new data.StratifiedKFold(2), 6)).toThrow(/needs the class labels/);
    expect(() => foldsWidget(new data.KFold(2), 5, { maxSplits: 0 })).toThrow(
      /maxSplits must be a positive integer, got 0/,
    );
    expect(() => foldsWidget(new data.KFold(2), 5, { groups: [0, 1] })).toThrow(
      /expected 5 groups \(one per sample\), got 2/,
    );
  });
});
