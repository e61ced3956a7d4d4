# Reference values for the comparison-group statistics of models/ (issue 16):
# propensity score by glm, IPW ATT weights, MatchIt's cem weights, nearest
# neighbour matching with replacement on the logit score, balance (cobalt's
# formulas by hand), Abadie-Imbens variance (Matching::Match) and jackknife
# accelerations. Data: MatchIt's `lalonde` (Dehejia and Wahba 1999, from
# LaLonde 1986), written to lalonde.csv beside this script.
#
# Run from models/testdata:  Rscript comparison_reference.R
# Checked with R 4.2.2, MatchIt 4.5.1, Matching 4.10-8, jsonlite 1.8.4
# (Debian bookworm: r-base-core r-cran-matchit r-cran-matching r-cran-jsonlite).
suppressMessages({
  library(MatchIt)
  library(Matching)
  library(jsonlite)
})
data("lalonde", package = "MatchIt")
lalonde$race <- as.character(lalonde$race)
write.csv(lalonde[, c("treat", "age", "educ", "race", "married", "nodegree", "re74", "re75", "re78")],
          "lalonde.csv", row.names = FALSE, quote = FALSE)
lalonde$race <- factor(lalonde$race, levels = c("black", "hispan", "white"))

fml <- treat ~ age + educ + race + married + nodegree + re74 + re75
tr <- lalonde$treat == 1
ybin <- as.numeric(lalonde$re78 > 0)
ycon <- lalonde$re78
att <- function(y, w, keep = rep(TRUE, length(y))) {
  k1 <- tr & keep & w > 0; k0 <- !tr & keep & w > 0
  weighted.mean(y[k1], w[k1]) - weighted.mean(y[k0], w[k0])
}

# 1. Propensity score: glm, binomial, logit link (IRLS, epsilon 1e-8).
fit <- glm(fml, data = lalonde, family = binomial())
ps <- unname(fit$fitted.values)
lp <- unname(fit$linear.predictors)

# 2. IPW ATT: participants 1, comparison p/(1-p).
w_ipw <- ifelse(tr, 1, ps / (1 - ps))
# Trimming at the type-7 quantiles (R's default) of all units' scores:
# units with a score outside [q(lo), q(hi)] are dropped, no refit.
trim <- c(0.05, 0.95)
bounds <- unname(quantile(ps, trim, type = 7))
keep <- ps >= bounds[1] & ps <= bounds[2]

# 3. CEM, MatchIt's cutpoints (findInterval: bins closed on the left);
# cutpoints 0 = exact on that variable; race is a factor: exact.
cuts <- list(age = c(20, 25, 30, 35, 40), educ = c(9, 12, 13),
             re74 = c(1, 5000, 10000), re75 = c(1, 5000, 10000), married = 0, nodegree = 0)
m_cem <- matchit(fml, data = lalonde, method = "cem", cutpoints = cuts, estimand = "ATT")
w_cem <- unname(m_cem$weights)

# 4. Nearest neighbour 1:1 with replacement on the logit score, caliper 0.2
# SD of the logit score over all units (sd, n-1). MatchIt 4.5.1 (Debian) is
# not used here: its nearest matching with replacement does not pick the
# closest control (MatchIt issues #159, #163, fixed in 4.5.2+), so the
# matches are computed by hand: every comparison unit within 1e-10 of the
# closest distance is a (tied) match, as Matching's ties = TRUE; weights as
# MatchIt's weights.matrix (1/#matches per match), comparison weights scaled
# to sum to the number of matched comparison units.
caliper <- 0.2 * sd(lp)
tol <- 1e-10
it <- which(tr); ic <- which(!tr)
w_nn <- numeric(nrow(lalonde))
for (i in it) {
  dist <- abs(lp[ic] - lp[i]); m <- min(dist)
  if (m > caliper) next
  J <- ic[dist <= m + tol]
  w_nn[i] <- 1
  w_nn[J] <- w_nn[J] + 1 / length(J)
}
w_nn[!tr] <- w_nn[!tr] * sum(w_nn[!tr] > 0) / sum(w_nn[!tr])
# Abadie-Imbens (2006) variance, conditional variances from 2 same-group
# neighbours (Var.calc = 2), no adjustment for the estimated score. Without
# a caliper: with one, Matching 4.10-8's standard error (1053.21 for re78)
# is not the Theorem 7 formula over the matched participants (1058.88, by
# hand and in Go) -- its estimate agrees, its variance treats the participant
# dropped by the caliper differently -- so the reference is the uncalipered
# match, where the two agree exactly.
ai <- function(y) {
  mo <- Match(Y = y, Tr = lalonde$treat, X = lp, estimand = "ATT", M = 1, replace = TRUE,
              ties = TRUE, Var.calc = 2, distance.tolerance = 0)
  list(estimate = unname(mo$est[1, 1]), se = mo$se)
}

# 6. Balance, cobalt's formulas by hand (cobalt is not in Debian): SMD =
# (weighted mean participants - weighted mean comparison) / SD of the
# participants in the unweighted sample (sd, n-1; binary: sqrt(p(1-p)));
# variance ratio participants / comparison of the weighted variances with
# cobalt's bias correction sum(w)/(sum(w)^2 - sum(w^2)); ESS (sum w)^2/sum w^2.
covs <- data.frame(age = lalonde$age, educ = lalonde$educ,
                   race_black = as.numeric(lalonde$race == "black"),
                   race_hispan = as.numeric(lalonde$race == "hispan"),
                   race_white = as.numeric(lalonde$race == "white"),
                   married = lalonde$married, nodegree = lalonde$nodegree,
                   re74 = lalonde$re74, re75 = lalonde$re75)
binary <- c(FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE)
wvar <- function(x, w) {
  m <- sum(w * x) / sum(w)
  sum(w * (x - m)^2) * sum(w) / (sum(w)^2 - sum(w^2))
}
balance <- function(w) {
  rows <- lapply(seq_along(covs), function(j) {
    x <- covs[[j]]
    s <- if (binary[j]) { p <- mean(x[tr]); sqrt(p * (1 - p)) } else sd(x[tr])
    smd <- function(w) (weighted.mean(x[tr], w[tr]) - weighted.mean(x[!tr], w[!tr])) / s
    k1 <- tr & w > 0; k0 <- !tr & w > 0
    u <- rep(1, length(x))
    list(covariate = names(covs)[j], binary = binary[j],
         smd_before = smd(u), smd_after = smd(w),
         variance_ratio_before = if (binary[j]) NA else wvar(x[tr], u[tr]) / wvar(x[!tr], u[!tr]),
         variance_ratio_after = if (binary[j]) NA else wvar(x[k1], w[k1]) / wvar(x[k0], w[k0]))
  })
  w0 <- w[!tr & w > 0]
  list(covariates = rows, ess_comparison = sum(w0)^2 / sum(w0^2))
}

# 7. Jackknife accelerations of the ATT (leave one out, re-estimating the
# weights), within the two resampling groups: U_i = (n_g - 1)(mean_g - t_(i)),
# a = sum U^3 / (6 (sum U^2)^1.5), as models.BootstrapIndex's jackknife.
ipw_att <- function(idx, y) {
  f <- glm.fit(model.matrix(fml, lalonde)[idx, ], lalonde$treat[idx], family = binomial())
  p <- f$fitted.values; t <- lalonde$treat[idx] == 1
  w <- ifelse(t, 1, p / (1 - p))
  weighted.mean(y[idx][t], w[t]) - weighted.mean(y[idx][!t], w[!t])
}
jack_accel <- function(stat) {
  n <- nrow(lalonde)
  th <- vapply(seq_len(n), function(i) stat(setdiff(seq_len(n), i)), numeric(1))
  U <- numeric(n)
  for (g in c(TRUE, FALSE)) {
    s <- which(tr == g)
    U[s] <- (length(s) - 1) * (mean(th[s]) - th[s])
  }
  sum(U^3) / (6 * sum(U^2)^1.5)
}

out <- list(
  source = "MatchIt::lalonde (Dehejia and Wahba 1999; LaLonde 1986)",
  software = sprintf("R %s.%s, MatchIt %s, Matching %s", R.version$major, R.version$minor,
                     packageVersion("MatchIt"), packageVersion("Matching")),
  glm = list(coefficients = as.list(coef(fit)), deviance = fit$deviance, iterations = fit$iter,
             scores = ps, linear_predictor = lp),
  ipw = list(weights = w_ipw, att_binary = att(ybin, w_ipw), att_continuous = att(ycon, w_ipw),
             trim = trim, trim_bounds = bounds,
             trimmed_participants = sum(tr & !keep), trimmed_comparison = sum(!tr & !keep),
             trim_att_binary = att(ybin, w_ipw, keep), trim_att_continuous = att(ycon, w_ipw, keep),
             accel_binary = jack_accel(function(idx) ipw_att(idx, ybin)),
             accel_continuous = jack_accel(function(idx) ipw_att(idx, ycon))),
  cem = list(cutpoints = cuts[c("age", "educ", "re74", "re75")], weights = w_cem,
             matched_participants = sum(tr & w_cem > 0), matched_comparison = sum(!tr & w_cem > 0),
             unmatched_participants = sum(tr & w_cem == 0), unmatched_comparison = sum(!tr & w_cem == 0),
             att_binary = att(ybin, w_cem), att_continuous = att(ycon, w_cem)),
  nearest = list(caliper_sd = 0.2, caliper = caliper, tie_tolerance = tol, weights = w_nn,
                 matched_participants = sum(tr & w_nn > 0), matched_comparison = sum(!tr & w_nn > 0),
                 att_binary = att(ybin, w_nn), att_continuous = att(ycon, w_nn),
                 ai_nocaliper_binary = ai(ybin), ai_nocaliper_continuous = ai(ycon)),
  balance = list(ipw = balance(w_ipw), cem = balance(w_cem), nearest = balance(w_nn))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"),
           "comparison_reference.json")
