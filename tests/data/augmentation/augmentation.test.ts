import { describe, expect, it } from "vitest";
import { zeros } from "../../../src";
import { imageBatch } from "../../../src/data/augmentation/augmentation";

describe("imageBatch", () => {
  it("reads [N, C, H, W], [N, H, W] and flattened square [N, H·W] batches", () => {
    expect(imageBatch("t", zeros([2, 3, 4, 5]))).toEqual({ N: 2, C: 3, H: 4, W: 5 });
    expect(imageBatch("t", zeros([2, 4, 5]))).toEqual({ N: 2, C: 1, H: 4, W: 5 });
    expect(imageBatch("t", zeros([7, 784]))).toEqual({ N: 7, C: 1, H: 28, W: 28 });
  });

  it("says which shapes it accepts, and asks for float images", () => {
    expect(() => imageBatch("randomShift", zeros([2, 10]))).toThrow(
      "randomShift: expected images [N, C, H, W], [N, H, W] or flattened square images [N, H·W] (MNIST: [N, 784]), got [2, 10]",
    );
    expect(() => imageBatch("randomShift", zeros([784]))).toThrow("got [784]");
    expect(() => imageBatch("randomFlip", zeros([2, 784], { dtype: "int32" }))).toThrow(
      'randomFlip: expected float images, got dtype int32; convert with .to("float32")',
    );
  });
});
