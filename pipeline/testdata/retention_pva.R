# Reference state occupation for pipeline's TestRetentionPVAMatchesR.
# Input: retention_pva.csv (weeks in the programme and how each pva
# participant left; "censor" = still in the programme at follow-up), written
# by `go test ./pipeline -run TestRetentionPVAMatchesR -update-retention`.
# Run: Rscript retention_pva.R > retention_pva.json
# R gives no interval (NA, written null) where a share is 0; pipeline gives
# the degenerate interval [0, 0] there (models.CIFEstimate).
library(survival)
d <- read.csv("retention_pva.csv", colClasses = c("numeric", "character"))
status <- factor(d$status, levels = c("censor", "dropout", "completed"))
fit <- survfit(Surv(d$time, status) ~ 1, conf.type = "log-log")
s <- summary(fit, times = c(4, 13, 26, 52))
num <- function(x) ifelse(is.na(x), "null", trimws(formatC(x, digits = 17, format = "g")))
obj <- function(v) {
  paste0("{", paste0('"', s$states, '": ', num(v), collapse = ", "), "}")
}
rows <- character(0)
for (i in seq_along(s$time)) {
  rows <- c(rows, sprintf('    {"t": %s, "n_risk": %d, "pstate": %s, "lower": %s, "upper": %s}',
    num(s$time[i]), as.integer(s$n.risk[i, 1]), obj(s$pstate[i, ]), obj(s$lower[i, ]), obj(s$upper[i, ])))
}
cat("{\n")
cat(sprintf('  "source": "%s, survival %s: survfit(Surv(time, factor(status)) ~ 1, conf.type = \\"log-log\\"), summary(times = c(4, 13, 26, 52))",\n',
  R.version.string, packageVersion("survival")))
cat('  "rows": [\n')
cat(paste(rows, collapse = ",\n"))
cat("\n  ]\n}\n")
