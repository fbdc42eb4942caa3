# Reference values for the random-intercept linear mixed model (lme4::lmer), REML and ML:
# an unbalanced design (groups of 1 to 90 pupils, a school-level covariate), a boundary case
# (between-school variance estimated 0: lme4 reports a singular fit) and a precision-weighted
# fit on ../cluster/cluster_data.csv.
# Run from this folder:  Rscript make_mixed_reference.R
# Writes unbalanced_data.csv, boundary_data.csv and mixed_reference.json.
suppressPackageStartupMessages({
  library(lme4)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

# theta (= sd_school / sd_residual) optimised by stats::optimize (Brent, tol 1e-12) on [0, 20],
# with the boundary theta = 0 checked explicitly, for precise reference values (1-D problem).
opt_brent <- function(fn, par, lower, upper, control = list(), ...) {
  o <- optimize(fn, c(0, 20), tol = 1e-12)
  f0 <- fn(0)
  if (f0 <= o$objective) o <- list(minimum = 0, objective = f0)
  list(par = o$minimum, fval = o$objective, conv = 0, message = "stats::optimize")
}
ctrl <- lmerControl(optimizer = opt_brent, calc.derivs = FALSE)

block <- function(fit, form, data, wts = NULL) {
  fe <- fixef(fit)
  V <- as.matrix(vcov(fit))
  vc <- as.data.frame(VarCorr(fit))
  tau2 <- vc$vcov[vc$grp == "school"]
  sig2 <- vc$vcov[vc$grp == "Residual"]
  args <- list(formula = form, data = data, REML = isREML(fit))
  if (!is.null(wts)) args$weights <- wts
  dflt <- do.call(lmer, args)
  list(
    reml = isREML(fit),
    coefficient_names = I(names(fe)),
    fixed_effects = lapply(setNames(seq_along(fe), names(fe)), function(i) list(
      estimate = unname(fe[i]), std_error = unname(sqrt(diag(V))[i]))),
    var_school_intercept = tau2,
    var_residual = sig2,
    icc = tau2 / (tau2 + sig2),
    theta = unname(getME(fit, "theta")),
    reml_criterion = if (isREML(fit)) unname(REMLcrit(fit)) else NA,
    log_likelihood = as.numeric(logLik(fit)),
    n = nobs(fit),
    n_groups = unname(ngrps(fit)["school"]),
    is_singular_default_optimizer = isSingular(dflt),
    theta_default_optimizer = unname(getME(dflt, "theta"))
  )
}

# ------------------------------------------------------------ unbalanced ------
set.seed(20261124)
G <- 30
sizes <- c(1L, 1L, 2L, 90L, sample(3:60, G - 4, replace = TRUE))
s_idx <- rep(seq_len(G), sizes)
n <- sum(sizes)
treat_s <- sample(c(rep(1L, 12), rep(0L, G - 12)))
ses_s <- round(rnorm(G), 6)                                   # school-level covariate
u <- rnorm(G, 0, 0.4)
x1 <- rnorm(n)
y <- 0.25 * treat_s[s_idx] + 0.2 * ses_s[s_idx] + 0.5 * x1 + u[s_idx] + rnorm(n)
ub <- data.frame(pupil = sprintf("U%04d", seq_len(n)), school = sprintf("K%02d", s_idx),
                 treat = treat_s[s_idx], ses = ses_s[s_idx], x1 = round(x1, 6), y = round(y, 6))
ub <- ub[sample(nrow(ub)), ]
write.csv(ub, "unbalanced_data.csv", row.names = FALSE, quote = FALSE)
ub <- read.csv("unbalanced_data.csv", stringsAsFactors = FALSE)
fu <- y ~ treat + ses + x1 + (1 | school)
fu0 <- y ~ 1 + (1 | school)

# ------------------------------------------------------------ boundary --------
# No school effect; the first seed from 1 whose REML fit is singular under lme4's default optimizer.
for (s in 1:200) {
  set.seed(s)
  Gb <- 12; nb <- 8
  bi <- rep(seq_len(Gb), each = nb)
  tb <- rep(rep(0:1, each = Gb / 2), each = nb)
  yb <- 0.3 * tb + rnorm(Gb * nb)
  bd <- data.frame(school = sprintf("B%02d", bi), treat = tb, y = round(yb, 6))
  if (isSingular(lmer(y ~ treat + (1 | school), data = bd))) break
}
boundary_seed <- s
write.csv(bd, "boundary_data.csv", row.names = FALSE, quote = FALSE)
bd <- read.csv("boundary_data.csv", stringsAsFactors = FALSE)
fb <- y ~ treat + (1 | school)

# ------------------------------------------------------------ weighted -------
cd <- read.csv("../cluster/cluster_data.csv", stringsAsFactors = FALSE)
cd <- cd[!is.na(cd$y), ]
cd$x2_missing <- as.integer(is.na(cd$x2)); cd$x2[is.na(cd$x2)] <- 0
cd$f <- factor(cd$f, levels = c("a", "b", "c"))
fw <- y ~ treat + x1 + x2 + x2_missing + f + (1 | school)

ref <- list(
  unbalanced = list(
    sizes = I(sizes),
    full_reml = block(lmer(fu, ub, REML = TRUE, control = ctrl), fu, ub),
    full_ml = block(lmer(fu, ub, REML = FALSE, control = ctrl), fu, ub),
    null_reml = block(lmer(fu0, ub, REML = TRUE, control = ctrl), fu0, ub),
    null_ml = block(lmer(fu0, ub, REML = FALSE, control = ctrl), fu0, ub)),
  boundary = list(
    seed = boundary_seed,
    reml = block(lmer(fb, bd, REML = TRUE, control = ctrl), fb, bd),
    ml = block(lmer(fb, bd, REML = FALSE, control = ctrl), fb, bd)),
  weighted = list(
    note = "lmer(..., weights = w): precision weights, residual variance sigma^2 / w_i",
    reml = block(lmer(fw, cd, weights = w, REML = TRUE, control = ctrl), fw, cd, wts = cd$w),
    ml = block(lmer(fw, cd, weights = w, REML = FALSE, control = ctrl), fw, cd, wts = cd$w))
)
wj(ref, "mixed_reference.json")
cat("boundary seed", boundary_seed, " n unbalanced", nrow(ub), "\n")
str(ref$boundary$reml[c("theta", "var_school_intercept", "is_singular_default_optimizer")])
