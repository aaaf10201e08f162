// Benchmarks print one line per figure (name, size, median, unit) and PASS/MISS against budgets.
// The estate generator and the figures arrive with the benchmarks issue.
console.log("no benchmarks yet");
