/** The median of some runs. */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Prints one figure: name, size, value, unit, and PASS/MISS against the budget where there is one. */
export function line(name: string, size: string, value: number, unit: string, budget?: number) {
  const verdict =
    budget === undefined ? "" : value <= budget ? `PASS (budget ${budget} ${unit})` : `MISS (budget ${budget} ${unit})`;
  console.log(`${name.padEnd(40)} ${size.padEnd(14)} ${value.toFixed(1).padStart(10)} ${unit.padEnd(6)} ${verdict}`);
}
