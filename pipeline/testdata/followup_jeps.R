# Reference values for pipeline's TestFollowupEndJEPSMatchesR.
# Input: followup_jeps.csv (each included jeps participant's start date,
# first job date and followed_until as read from data/extracts/jeps.xlsx),
# written by `go test ./pipeline -run TestFollowupEndJEPSMatchesR -update-followup`.
# Run: Rscript followup_jeps.R > followup_jeps.json
# Each participant is followed to followed_until, or to the date of data
# (2021-08-31) when it is blank or later; a first job after that is not
# counted. Weeks from start to the job (before start: week 0), or to the
# end of follow-up, by survfit(conf.type = "log-log").
library(survival)
d <- read.csv("followup_jeps.csv", colClasses = "character", encoding = "UTF-8")
day <- function(x) as.Date(ifelse(x == "", NA, x))
num <- function(x) trimws(formatC(x, digits = 17, format = "g"))
start <- day(d$start)
job <- day(d$first_job)
datadate <- as.Date("2021-08-31")
until <- day(d$followed_until)
until <- as.Date(ifelse(is.na(until) | until > datadate, datadate, until), origin = "1970-01-01")
event <- !is.na(job) & job <= until
time <- pmax(0, as.numeric(ifelse(event, job, until) - as.numeric(start))) / 7
fit <- survfit(Surv(time, event) ~ 1, conf.type = "log-log")
hs <- c(13, 26, 52)
s <- summary(fit, times = hs, extend = TRUE)
hz <- sapply(seq_along(hs), function(i) sprintf(
  '    {"t": %s, "n_risk_after": %d, "n_event": %d, "incidence": %s, "low": %s, "high": %s}',
  num(hs[i]), sum(time > hs[i]), sum(event & time <= hs[i]),
  num(1 - s$surv[i]), num(1 - s$upper[i]), num(1 - s$lower[i])))
cat("{\n")
cat(sprintf('  "source": "%s, survival %s: survfit(Surv(time, event) ~ 1, conf.type = \\"log-log\\"), summary(times = c(13, 26, 52), extend = TRUE)",\n',
  R.version.string, packageVersion("survival")))
cat(sprintf('  "n": %d,\n  "jobs_after_followup": %d,\n', nrow(d), sum(!is.na(job) & job > until)))
cat('  "horizons": [\n', paste(hz, collapse = ",\n"), "\n  ]\n}\n", sep = "")
