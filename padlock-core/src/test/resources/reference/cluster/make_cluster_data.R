# Simulated clustered (pupils-in-schools) data and reference fits for
# cluster-robust regression and random-intercept models.
# Run from this folder:  Rscript make_cluster_data.R
# Writes cluster_data.csv and cluster_reference.json.
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(estimatr)
  library(lme4)
  library(jsonlite)
})

wj <- function(x, path) {
  write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
}

# ---------------------------------------------------------------- data --------
set.seed(20261122)
G <- 40
sizes <- sample(5:60, G, replace = TRUE)
sizes[1:2] <- c(5L, 60L)                      # make sure both extremes occur
school_ids <- sprintf("S%02d", seq_len(G))
treat_s <- sample(c(rep(1L, 12), rep(0L, G - 12)))
w_s <- ifelse(treat_s == 1L, 1, round(runif(G, 0.2, 3), 4))
tau <- sqrt(1 / 9)                            # ICC = (1/9) / (1/9 + 1) = 0.1
u_s <- rnorm(G, 0, tau)

n <- sum(sizes)
s_idx <- rep(seq_len(G), sizes)
x1 <- rnorm(n, 0, 1) + 0.3 * rnorm(G)[s_idx]            # some school-level variation
x2 <- rnorm(n, 50, 10)
f  <- sample(c("a", "b", "c"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
feff <- c(a = 0, b = 0.15, c = -0.25)[f]
y <- 0.2 * treat_s[s_idx] + 0.3 * x1 + 0.02 * (x2 - 50) + feff + u_s[s_idx] + rnorm(n, 0, 1)

x2[runif(n) < 0.05] <- NA                     # ~5% missing x2 (MCAR)
y[runif(n) < 0.02] <- NA                      # ~2% missing y  (MCAR)

dat <- data.frame(
  pupil  = sprintf("P%04d", seq_len(n)),
  school = school_ids[s_idx],
  treat  = treat_s[s_idx],
  w      = w_s[s_idx],
  x1     = round(x1, 6),
  x2     = round(x2, 6),
  f      = f,
  y      = round(y, 6),
  stringsAsFactors = FALSE
)
# Shuffle rows so that clusters are NOT contiguous in the file (robustness test).
dat <- dat[sample(nrow(dat)), ]
write.csv(dat, "cluster_data.csv", row.names = FALSE, quote = FALSE, na = "NA")

# ---------------------------------------------------------------- analysis ----
# Everything below uses the data as read back from the CSV.
d0 <- read.csv("cluster_data.csv", stringsAsFactors = FALSE, na.strings = "NA")
d0$f <- factor(d0$f, levels = c("a", "b", "c"))
n_rows <- nrow(d0)

# complete cases for y; indicator method for x2 (explicit)
d <- d0[!is.na(d0$y), ]
d$x2_missing <- as.integer(is.na(d$x2))
d$x2[is.na(d$x2)] <- 0
rownames(d) <- NULL

fm <- y ~ treat + x1 + x2 + x2_missing + f

mat_rows <- function(V) unname(lapply(seq_len(nrow(V)), function(i) unname(V[i, ])))

lm_block <- function(fit, label) {
  cn <- names(coef(fit))
  V_classical <- vcov(fit)
  V_cr1  <- sandwich::vcovCL(fit, cluster = ~school, type = "HC1")
  V_cr0a <- sandwich::vcovCL(fit, cluster = ~school, type = "HC0")                   # cadjust = TRUE (default): G/(G-1)
  V_cr0  <- sandwich::vcovCL(fit, cluster = ~school, type = "HC0", cadjust = FALSE)  # pure CR0
  V_hc1  <- sandwich::vcovHC(fit, type = "HC1")
  V_hc0  <- sandwich::vcovHC(fit, type = "HC0")
  se <- function(V) unname(sqrt(diag(V)))
  coefs <- lapply(setNames(seq_along(cn), cn), function(i) list(
    estimate = unname(coef(fit)[i]),
    se_classical = se(V_classical)[i],
    se_cr1_stata = se(V_cr1)[i],
    se_vcovCL_hc0_default = se(V_cr0a)[i],
    se_cr0 = se(V_cr0)[i],
    se_hc1 = se(V_hc1)[i],
    se_hc0 = se(V_hc0)[i]
  ))
  list(
    model = label,
    coefficient_names = I(cn),
    n = nobs(fit),
    n_clusters = length(unique(d$school)),
    rank = fit$rank,
    df_residual = fit$df.residual,
    sigma = summary(fit)$sigma,
    r_squared = summary(fit)$r.squared,
    coefficients = coefs,
    vcov_classical = mat_rows(V_classical),
    vcov_cr1_stata = mat_rows(V_cr1),
    vcov_cr0 = mat_rows(V_cr0),
    vcov_hc1 = mat_rows(V_hc1)
  )
}

lmrobust_block <- function(weighted) {
  r <- if (weighted)
    estimatr::lm_robust(fm, data = d, clusters = school, se_type = "stata", weights = w)
  else
    estimatr::lm_robust(fm, data = d, clusters = school, se_type = "stata")
  cn <- names(coef(r))
  lapply(setNames(seq_along(cn), cn), function(i) list(
    estimate = unname(r$coefficients[i]),
    std_error = unname(r$std.error[i]),
    statistic = unname(r$statistic[i]),
    df = unname(r$df[i]),
    p_value = unname(r$p.value[i]),
    ci_lower = unname(r$conf.low[i]),
    ci_upper = unname(r$conf.high[i])
  ))
}

lmrobust_cr2_block <- function(weighted) {
  r <- if (weighted)
    estimatr::lm_robust(fm, data = d, clusters = school, se_type = "CR2", weights = w)
  else
    estimatr::lm_robust(fm, data = d, clusters = school, se_type = "CR2")
  cn <- names(coef(r))
  lapply(setNames(seq_along(cn), cn), function(i) list(
    std_error = unname(r$std.error[i]),
    df = unname(r$df[i]),
    p_value = unname(r$p.value[i])
  ))
}

cr2_block <- function(fit, ...) {
  V <- clubSandwich::vcovCR(fit, cluster = d$school, type = "CR2", ...)
  ct <- clubSandwich::coef_test(fit, vcov = V, test = "Satterthwaite")
  ci <- clubSandwich::conf_int(fit, vcov = V, level = 0.95, test = "Satterthwaite")
  cn <- names(coef(fit))
  # coef_test column names differ between clubSandwich versions; use positions by name match
  col <- function(df, opts) df[[intersect(opts, names(df))[1]]]
  list(
    coefficients = lapply(setNames(seq_along(cn), cn), function(i) list(
      estimate = unname(coef(fit)[i]),
      se = unname(sqrt(diag(as.matrix(V)))[i]),
      t_stat = unname(col(ct, c("tstat", "t_stat"))[i]),
      df_satterthwaite = unname(col(ct, c("df_Satt", "df"))[i]),
      p_satterthwaite = unname(col(ct, c("p_Satt", "p_val"))[i]),
      ci_lower = unname(col(ci, c("CI_L"))[i]),
      ci_upper = unname(col(ci, c("CI_U"))[i])
    )),
    vcov = mat_rows(as.matrix(V))
  )
}

fit_w <- lm(fm, data = d, weights = w)
fit_u <- lm(fm, data = d)

weighted <- lm_block(fit_w, "lm(y ~ treat + x1 + x2 + x2_missing + f, weights = w)")
weighted$lm_robust_stata <- lmrobust_block(TRUE)
weighted$lm_robust_cr2 <- lmrobust_cr2_block(TRUE)
weighted$cr2 <- cr2_block(fit_w)                         # clubSandwich default for weighted lm
weighted$cr2_inverse_var <- cr2_block(fit_w, inverse_var = TRUE)

unweighted <- lm_block(fit_u, "lm(y ~ treat + x1 + x2 + x2_missing + f)")
unweighted$lm_robust_stata <- lmrobust_block(FALSE)
unweighted$lm_robust_cr2 <- lmrobust_cr2_block(FALSE)
unweighted$cr2 <- cr2_block(fit_u)

# ---------------------------------------------------------------- lmer --------
lmer_block <- function(fit) {
  fe <- lme4::fixef(fit)
  V <- as.matrix(vcov(fit))
  vc <- as.data.frame(lme4::VarCorr(fit))
  tau2 <- vc$vcov[vc$grp == "school"]
  sig2 <- vc$vcov[vc$grp == "Residual"]
  list(
    reml = lme4::isREML(fit),
    fixed_effects = lapply(setNames(seq_along(fe), names(fe)), function(i) list(
      estimate = unname(fe[i]), std_error = unname(sqrt(diag(V))[i]))),
    coefficient_names = I(names(fe)),
    var_school_intercept = tau2,
    var_residual = sig2,
    sd_school_intercept = sqrt(tau2),
    sd_residual = sqrt(sig2),
    icc = tau2 / (tau2 + sig2),
    reml_criterion = if (lme4::isREML(fit)) unname(lme4::REMLcrit(fit)) else NA,
    log_likelihood = as.numeric(logLik(fit)),
    deviance_ml = if (lme4::isREML(fit)) NA else unname(deviance(fit)),
    aic = AIC(fit),
    n = nobs(fit),
    n_groups = unname(lme4::ngrps(fit)["school"]),
    theta = unname(lme4::getME(fit, "theta"))
  )
}
# With a single random intercept the only covariance parameter is the 1-D
# theta = sd_school / sd_residual.  To make the reference values as precise as
# possible, theta is optimised with stats::optimize (Brent, tol 1e-12) instead of
# lme4's default nloptwrap/BOBYQA; the difference to the default fit is recorded.
opt_brent <- function(fn, par, lower, upper, control = list(), ...) {
  o <- optimize(fn, c(0, 20), tol = 1e-12)
  f0 <- fn(0)
  if (f0 <= o$objective) o <- list(minimum = 0, objective = f0)
  list(par = o$minimum, fval = o$objective, conv = 0, message = "stats::optimize")
}
ctrl <- lme4::lmerControl(optimizer = opt_brent, calc.derivs = FALSE)
fl <- y ~ treat + x1 + x2 + x2_missing + f + (1 | school)
f0l <- y ~ 1 + (1 | school)
m_reml  <- lme4::lmer(fl, data = d, REML = TRUE, control = ctrl)
m_ml    <- lme4::lmer(fl, data = d, REML = FALSE, control = ctrl)
m0_reml <- lme4::lmer(f0l, data = d, REML = TRUE, control = ctrl)
m0_ml   <- lme4::lmer(f0l, data = d, REML = FALSE, control = ctrl)
default_diff <- function(fit, form, reml) {
  g <- lme4::lmer(form, data = d, REML = reml)
  list(theta_default = unname(lme4::getME(g, "theta")),
       max_abs_diff_fixef = max(abs(lme4::fixef(g) - lme4::fixef(fit))),
       abs_diff_theta = abs(unname(lme4::getME(g, "theta") - lme4::getME(fit, "theta"))),
       abs_diff_minus2loglik = abs(2 * (as.numeric(logLik(g)) - as.numeric(logLik(fit)))))
}

ref <- list(
  data = list(
    n_rows_csv = n_rows,
    n_y_missing = sum(is.na(d0$y)),
    n_x2_missing_total = sum(is.na(d0$x2)),
    n_analysis = nrow(d),
    n_x2_missing_analysis = sum(d$x2_missing),
    n_schools = length(unique(d$school)),
    n_treated_schools = length(unique(d$school[d$treat == 1])),
    school_sizes_analysis = as.list(table(d$school)),
    sum_weights_analysis = sum(d$w)
  ),
  weighted = weighted,
  unweighted = unweighted,
  lmer = list(
    full_reml = lmer_block(m_reml),
    full_ml = lmer_block(m_ml),
    null_reml = lmer_block(m0_reml),
    null_ml = lmer_block(m0_ml),
    optimizer = "theta optimised with stats::optimize(tol = 1e-12) on [0, 20]",
    lme4_default_optimizer_vs_reference = list(
      full_reml = default_diff(m_reml, fl, TRUE), full_ml = default_diff(m_ml, fl, FALSE),
      null_reml = default_diff(m0_reml, f0l, TRUE), null_ml = default_diff(m0_ml, f0l, FALSE))
  )
)
wj(ref, "cluster_reference.json")

cat("n rows", n_rows, " analysis n", nrow(d), " schools", ref$data$n_schools,
    " treated schools", ref$data$n_treated_schools, "\n")
cat("sizes range", range(table(d0$school)), "\n")
print(cbind(coef = coef(fit_w), se_cr1 = sqrt(diag(vcovCL(fit_w, cluster = ~school, type = "HC1")))))
print(ref$lmer$null_reml$icc)
str(ref$lmer$lme4_default_optimizer_vs_reference)
cat("weighted CR2: clubSandwich vs estimatr treat SE:", ref$weighted$cr2$coefficients$treat$se,
    ref$weighted$lm_robust_cr2$treat$std_error, "\n")
