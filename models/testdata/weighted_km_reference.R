# Reference values for the weighted Kaplan-Meier and the effect over time
# of models/ (issue 16): cumulative incidence 1 - S(t) from
# survival::survfit(Surv(time, status) ~ 1, weights = w), read with
# summary(fit, times = h, extend = TRUE). Data: survival's `lung` (NCCTG
# lung cancer trial, Loprinzi et al. 1994), rows with ph.ecog missing left
# out, written to lung.csv beside this script.
#
# Run from models/testdata:  Rscript weighted_km_reference.R
# Checked with R 4.2.2, survival 3.5-3, jsonlite 1.8.4 (Debian bookworm:
# r-base-core r-cran-survival r-cran-jsonlite).
suppressMessages({
  library(survival)
  library(jsonlite)
})
d <- survival::lung[!is.na(survival::lung$ph.ecog), c("time", "status", "sex", "age", "ph.ecog")]
rownames(d) <- NULL
write.csv(d, "lung.csv", row.names = FALSE, quote = FALSE)
event <- d$status == 2
times <- c(0, 30, 100, 183, 365, 500, 730, 1000, 1100)

incidence <- function(keep, w) {
  fit <- survfit(Surv(time, status == 2) ~ 1, data = d[keep, ], weights = w[keep])
  s <- summary(fit, times = times, extend = TRUE)
  list(incidence = 1 - s$surv, n_risk = s$n.risk)
}

# 1. Case weights, everyone: w = 0.5 + (row mod 5) / 4 (ties in time kept).
case_w <- 0.5 + (seq_len(nrow(d)) %% 5) / 4
whole <- incidence(rep(TRUE, nrow(d)), case_w)

# 2. The effect on the women (sex 2) of being a woman over time, against
#    men weighted by ATT odds weights from glm(woman ~ age + ph.ecog):
#    participants' 1 - KM minus the weighted comparison's.
woman <- d$sex == 2
ps <- fitted(glm(woman ~ age + ph.ecog, family = binomial, data = d))
att_w <- ifelse(woman, 1, ps / (1 - ps))
treated <- incidence(woman, att_w)
comparison <- incidence(!woman, att_w)

out <- list(
  source = "survival::lung without missing ph.ecog; R 4.2.2, survival 3.5-3",
  times = times,
  case_weights = case_w,
  case = whole,
  att_weights = unname(att_w),
  participants = treated,
  comparison = comparison,
  difference = treated$incidence - comparison$incidence
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "weighted_km_reference.json")
