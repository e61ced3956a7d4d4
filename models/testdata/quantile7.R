# Reference values for models' TestType7MatchesR: R's quantile(x, p, type = 7)
# at p = 0, 0.1, 0.25, 0.5, 0.75, 0.9, 1 for a few vectors (ties, one value,
# unsorted input, huge and tiny values).
# Run: Rscript quantile7.R > quantile7.json
num <- function(x) trimws(formatC(x, digits = 17, format = "g"))
xs <- list(c(5), c(1, 2), c(3, 1, 2, 10), c(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
  c(18, 18, 19, 64, 33, 47, 29, 41.5, 52, 60, 23), c(-1e9, 1e-3, 7/3, 1e9, 2.5))
ps <- c(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1)
rows <- sapply(xs, function(x) sprintf('    {"x": [%s], "q": [%s]}', paste(num(x), collapse = ", "),
  paste(num(quantile(x, ps, type = 7, names = FALSE)), collapse = ", ")))
cat(sprintf('{\n  "source": "%s: quantile(x, p, type = 7)",\n  "p": [%s],\n  "cases": [\n%s\n  ]\n}\n',
  R.version.string, paste(num(ps), collapse = ", "), paste(rows, collapse = ",\n")))
