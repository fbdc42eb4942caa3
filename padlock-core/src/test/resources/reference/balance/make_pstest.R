# Reference values for pstest's balance summaries (psmatch2 4.1.0, pstest.ado, option `both`),
# computed from pstest's definitions in R because Stata is not available here.
# Run from this folder:  Rscript make_pstest.R   (writes pstest.json)
# Data: ../lalonde/lalonde.csv (MatchIt's lalonde). Formula as ../lalonde: treat ~ age + educ + race +
# married + nodegree + re74 + re75 (race: black = reference level in the model; all three levels are
# balance rows).
suppressPackageStartupMessages(library(jsonlite))
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

d <- read.csv("../lalonde/lalonde.csv", stringsAsFactors = FALSE)
d$race <- factor(d$race, levels = c("black", "hispan", "white"))
f <- treat ~ age + educ + race + married + nodegree + re74 + re75
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
tr <- d$treat

# balance rows: every level of race
X <- data.frame(age = d$age, educ = d$educ,
                raceblack = as.numeric(d$race == "black"), racehispan = as.numeric(d$race == "hispan"),
                racewhite = as.numeric(d$race == "white"), married = d$married, nodegree = d$nodegree,
                re74 = d$re74, re75 = d$re75)

# --- weights of the matched samples -------------------------------------------------------------
# (a) 1:1 nearest neighbour with caliper 0.2 SD (MatchIt, fixed routine): ../lalonde/nn_caliper.json
cal <- fromJSON("../lalonde/nn_caliper.json")$units
stopifnot(identical(cal$id, d$id))
w_cal <- cal$weight
# (b) 3 nearest controls per treated unit WITH replacement on the logit-model propensity score
# (brute force: smallest |ps_t - ps_c|, ties to the earlier row), psmatch2's _weight: a control's
# weight is the sum over the treated units it serves of 1/3; treated 1.
g <- glm(f, data = d, family = binomial("logit"), control = ctl)
ps <- unname(fitted(g))
w_k3 <- ifelse(tr == 1, 1, 0)
ctrl <- which(tr == 0)
for (t in which(tr == 1)) {
  o <- ctrl[order(abs(ps[ctrl] - ps[t]), ctrl)][1:3]
  w_k3[o] <- w_k3[o] + 1 / 3
}
# the same weights in MatchIt's convention (controls rescaled to mean 1 among matched controls)
w_k3_matchit <- w_k3
mc <- tr == 0 & w_k3 > 0
w_k3_matchit[mc] <- w_k3[mc] / mean(w_k3[mc])

# --- pstest's definitions ------------------------------------------------------------------------
# Stata's summarize: mean = sum w x / sum w; Var = sum w (x - m)^2 / (sum w - 1) (no weights: w = 1;
# iweights and fweights alike).
smean <- function(x, w) sum(w * x) / sum(w)
svar <- function(x, w) sum(w * (x - smean(x, w))^2) / (sum(w) - 1)

fit_probit <- function(w) {
  s <- w > 0
  dd <- d[s, ]
  dd$.w <- w[s]
  m <- suppressWarnings(glm(f, data = dd, family = binomial("probit"), weights = .w, control = ctl))
  # glm's deviance rule (even at epsilon 1e-14) leaves the probit coefficients ~1e-7 from the MLE
  # (Fisher scoring converges linearly for probit); restart from the estimate until they settle
  for (k in 1:50) {
    b0 <- coef(m)
    m <- suppressWarnings(glm(f, data = dd, family = binomial("probit"), weights = .w, control = ctl,
                              start = ifelse(is.na(b0), 0, b0)))
    if (max(abs(coef(m) - b0) / pmax(abs(coef(m)), 0.1), na.rm = TRUE) < 1e-13) break
  }
  # binary y with prior weights: deviance = -2 sum w log L, null deviance likewise for the
  # intercept-only model (weighted share), so LL = -deviance/2 exactly
  ll <- -m$deviance / 2
  ll0 <- -m$null.deviance / 2
  df <- sum(!is.na(coef(m))) - 1
  chi2 <- 2 * (ll - ll0)
  idx <- unname(m$linear.predictors)
  t1 <- dd$treat == 1
  ww <- dd$.w
  m1 <- smean(idx[t1], ww[t1]); m0 <- smean(idx[!t1], ww[!t1])
  v1 <- svar(idx[t1], ww[t1]); v0 <- svar(idx[!t1], ww[!t1])
  list(pseudo_r2 = 1 - ll / ll0, lr_chi2 = chi2, lr_df = df,
       lr_p_value = pchisq(chi2, df, lower.tail = FALSE),
       log_likelihood = ll, null_log_likelihood = ll0,
       rubin_b = 100 * abs(m1 - m0) / sqrt((v1 + v0) / 2), rubin_r = v1 / v0,
       index_mean_treated = m1, index_mean_control = m0, index_var_treated = v1, index_var_control = v0,
       n_treated = sum(t1), n_control = sum(!t1), converged = m$converged)
}

pstest_case <- function(name, description, w) {
  one <- rep(1, nrow(d))
  rows <- lapply(names(X), function(v) {
    x <- X[[v]]
    m1u <- mean(x[tr == 1]); m0u <- mean(x[tr == 0]); v1u <- var(x[tr == 1]); v0u <- var(x[tr == 0])
    s1 <- tr == 1 & w > 0; s0 <- tr == 0 & w > 0
    m1m <- smean(x[s1], w[s1]); m0m <- smean(x[s0], w[s0])
    # pstest's t-tests: `regress v treated` (before) and `regress v treated [iw=_weight]` (after);
    # lm's weighted residual variance divides by n - 2, Stata's importance-weighted one by sum(w) - 2
    tt <- t.test(x[tr == 1], x[tr == 0], var.equal = TRUE)
    s <- w > 0
    fit <- lm(x ~ tr, weights = w, subset = s)
    nn <- sum(s); sw <- sum(w[s])
    b <- unname(coef(fit)[2])
    se <- summary(fit)$coefficients[2, 2] * sqrt((nn - 2) / (sw - 2))
    list(variable = v, mean_treated = m1u, mean_control = m0u,
         t_before = unname(tt$statistic), p_before = tt$p.value,
         t_after = b / se, p_after = 2 * pt(-abs(b / se), sw - 2),
         mean_treated_matched = m1m, mean_control_matched = m0m,
         pct_bias_before = 100 * (m1u - m0u) / sqrt((v1u + v0u) / 2),
         pct_bias_after = 100 * (m1m - m0m) / sqrt((v1u + v0u) / 2))
  })
  bb <- abs(sapply(rows, `[[`, "pct_bias_before"))
  ba <- abs(sapply(rows, `[[`, "pct_bias_after"))
  before <- fit_probit(one)
  after <- fit_probit(w)
  before$mean_abs_pct_bias <- mean(bb); before$median_abs_pct_bias <- median(bb)
  after$mean_abs_pct_bias <- mean(ba); after$median_abs_pct_bias <- median(ba)
  list(case = name, description = description, rows = rows, before = before, after = after)
}

out <- list(
  note = paste("pstest (psmatch2 4.1.0) definitions: probit re-fit, unweighted on all units (before) and with",
               "importance weights on the matched sample (after); Rubin's B (absolute) and R of the linear index;",
               "% bias with unmatched variances; MeanBias/MedBias over all 9 rows (every race level)."),
  cases = list(
    caliper = pstest_case("caliper", "1:1 nearest, caliper 0.2 SD, weights of ../lalonde/nn_caliper.json", w_cal),
    knn3_replace = pstest_case("knn3_replace",
      "3 nearest controls with replacement on the logit PS (brute force, ties to the earlier row); psmatch2 _weight",
      w_k3)
  ),
  units = data.frame(id = d$id, treat = tr, ps = ps, weight_caliper = w_cal, weight_knn3_psmatch2 = w_k3,
                     weight_knn3_matchit = w_k3_matchit, stringsAsFactors = FALSE)
)
wj(out, "pstest.json")
for (cs in out$cases) {
  cat(cs$case, ": before R2", cs$before$pseudo_r2, "chi2", cs$before$lr_chi2, "B", cs$before$rubin_b, "R", cs$before$rubin_r,
      "\n      after  R2", cs$after$pseudo_r2, "chi2", cs$after$lr_chi2, "p", cs$after$lr_p_value, "B", cs$after$rubin_b,
      "R", cs$after$rubin_r, "MedBias", cs$after$median_abs_pct_bias, "\n")
}
