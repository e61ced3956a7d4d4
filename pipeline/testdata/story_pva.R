# Reference values for pipeline's TestStoryPVAMatchesR.
# Input: story_pva.csv (each included pva participant's site, status and the
# dates and values as read from data/extracts/pva.xlsx), written by
# `go test ./pipeline -run TestStoryPVAMatchesR -update-story`.
# Run: Rscript story_pva.R > story_pva.json
# Everything is computed here from the dates: age at entry in whole years,
# quantile(type = 7), bands [18, 30) … [50, 67) by cut(right = FALSE),
# quarters of the start dates, and the weeks from exit (end, else followup)
# to the first job (before exit: week 0), censored at 2021-12-31, among the
# completers, by survfit(conf.type = "log-log").
library(survival)
d <- read.csv("story_pva.csv", colClasses = "character", encoding = "UTF-8")
day <- function(x) as.Date(ifelse(x == "", NA, x))
start <- day(d$start)
birth <- day(d$birth)
lt <- function(x) as.POSIXlt(x)
age <- lt(start)$year - lt(birth)$year -
  ((lt(start)$mon < lt(birth)$mon) | (lt(start)$mon == lt(birth)$mon & lt(start)$mday < lt(birth)$mday))
num <- function(x) trimws(formatC(x, digits = 17, format = "g"))
cuts <- c(18, 30, 40, 50, 67)
ageGroup <- function(a, name) {
  q <- quantile(a[!is.na(a)], c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  band <- cut(a, cuts, right = FALSE)
  counts <- c(as.integer(table(band)), sum(!is.na(a) & is.na(band)), sum(is.na(a)))
  sprintf('    {"stratum": "%s", "n": %d, "quantiles": [%s], "bands": [%s]}',
    name, sum(!is.na(a)), paste(num(q), collapse = ", "), paste(counts, collapse = ", "))
}
sites <- sort(unique(d$site))
groups <- c(ageGroup(age, ""), sapply(sites, function(s) ageGroup(age[d$site == s], s)))
counts <- function(x) {
  t <- table(x[x != ""])
  paste0("{", paste0('"', names(t), '": ', as.integer(t), collapse = ", "), "}")
}
quarter <- paste0(format(start, "%Y"), "-Q", (as.integer(format(start, "%m")) - 1) %/% 3 + 1)
first <- as.integer(format(min(start), "%Y")) * 4 + (as.integer(format(min(start), "%m")) - 1) %/% 3
last <- as.integer(format(max(start), "%Y")) * 4 + (as.integer(format(max(start), "%m")) - 1) %/% 3
keys <- sapply(first:last, function(k) sprintf("%d-Q%d", k %/% 4, k %% 4 + 1))
intake <- sapply(keys, function(k) sprintf('{"key": "%s", "count": %d}', k, sum(quarter == k)))
cc <- d$status == "completed"
exit <- day(ifelse(d$end == "", d$followup, d$end))[cc]
job <- day(d$first_job)[cc]
event <- !is.na(job)
time <- ifelse(event, pmax(0, as.numeric(job - exit)), as.numeric(as.Date("2021-12-31") - exit)) / 7
fit <- survfit(Surv(time, event) ~ 1, conf.type = "log-log")
hs <- c(13, 26, 52)
s <- summary(fit, times = hs, extend = TRUE)
hz <- sapply(seq_along(hs), function(i) sprintf(
  '    {"t": %s, "n_risk_after": %d, "n_event": %d, "incidence": %s, "low": %s, "high": %s}',
  num(hs[i]), sum(time > hs[i]), sum(event & time <= hs[i]),
  num(1 - s$surv[i]), num(1 - s$upper[i]), num(1 - s$lower[i])))
cat("{\n")
cat(sprintf('  "source": "%s, survival %s: quantile(type = 7); survfit(Surv(time, event) ~ 1, conf.type = \\"log-log\\"), summary(times = c(13, 26, 52), extend = TRUE)",\n',
  R.version.string, packageVersion("survival")))
cat('  "age": [\n', paste(groups, collapse = ",\n"), "\n  ],\n", sep = "")
cat('  "gender": ', counts(d$gender), ",\n", sep = "")
cat('  "benefit": ', counts(d$benefit), ",\n", sep = "")
cat('  "intake": [', paste(intake, collapse = ", "), "],\n", sep = "")
cat('  "horizons": [\n', paste(hz, collapse = ",\n"), "\n  ]\n}\n", sep = "")
