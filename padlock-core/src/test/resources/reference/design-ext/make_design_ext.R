# Reference values for padlock's propensity-model terms (interaction, squared term) and
# Mahalanobis matching, on MatchIt's lalonde data (../lalonde/lalonde.csv).
# Run from this folder:  Rscript make_design_ext.R
# Writes glm_terms.json, mahal_full.json, mahal_caliper.json, mahal_ratio2.json, mahal_reuse2.json, mahal_exact.json, glm_terms_probit.json, kernel_radius_lalonde.json.
suppressPackageStartupMessages({
  library(MatchIt)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

d <- read.csv("../lalonde/lalonde.csv", stringsAsFactors = FALSE)
d$race <- factor(d$race, levels = c("black", "hispan", "white"))
rownames(d) <- d$id

# ------------------------------------------------------------ glm with terms ----
f <- treat ~ age + I(age^2) + educ + race + married + nodegree + re74 + re75 + age:educ + race:nodegree
g <- glm(f, data = d, family = binomial("logit"))
cf <- summary(g)$coefficients
coefs <- list()
for (nm in rownames(cf)) coefs[[nm]] <- list(estimate = cf[nm, 1], std_error = cf[nm, 2])
wj(list(formula = deparse(f, width.cutoff = 500), n = nrow(d), coefficient_names = rownames(cf),
        coefficients = coefs, log_likelihood = as.numeric(logLik(g)), iterations = g$iter,
        converged = g$converged, propensity_scores = data.frame(id = d$id, ps = unname(fitted(g)))),
   "glm_terms.json")

# ------------------------------------------------------------ Mahalanobis -------
# Independent pure-R greedy replica: pooled within-group covariance of the model-matrix columns
# (treatment contrasts; MatchIt uses full dummies / sqrt(2) with a generalised inverse, which gives
# the same distances), treated in the given order take the closest available control
# (ties: first in data order), optionally only controls within a PS caliper.
replica <- function(X, treat, ord, ps = NULL, width = NA) {
  Xc <- X
  for (t in 0:1) Xc[treat == t, ] <- sweep(X[treat == t, , drop = FALSE], 2, colMeans(X[treat == t, , drop = FALSE]))
  n <- nrow(X)
  S <- crossprod(Xc) / (n - 2)
  Si <- solve(S)
  ctrl <- which(treat == 0)
  used <- rep(FALSE, n)
  match <- rep(NA_integer_, n)
  ties <- 0
  for (i in which(treat == 1)[ord]) {
    cand <- ctrl[!used[ctrl]]
    if (!is.na(width)) cand <- cand[abs(ps[cand] - ps[i]) <= width]
    if (length(cand) == 0) next
    D <- sweep(X[cand, , drop = FALSE], 2, X[i, ])
    md <- rowSums((D %*% Si) * D)
    best <- which.min(md)
    if (sum(abs(md - md[best]) <= 1e-9 * max(1, md[best])) > 1) ties <- ties + 1
    match[i] <- cand[best]
    used[cand[best]] <- TRUE
  }
  list(match = match, near_ties = ties, S = S)
}

dump_case <- function(m, case, call, rep, mahvars) {
  mm <- m$match.matrix
  pairs <- data.frame(treated = rownames(mm), control = unname(mm[, 1]), stringsAsFactors = FALSE)
  rep_ctrl <- ifelse(is.na(rep$match[d$treat == 1]), NA, d$id[rep$match[d$treat == 1]])
  stopifnot(identical(is.na(rep_ctrl), is.na(pairs$control)))
  agree <- all(rep_ctrl == pairs$control, na.rm = TRUE)
  list(case = case, call = call, mahvars = mahvars,
       n_treated_matched = sum(m$weights[d$treat == 1] > 0),
       n_control_matched = sum(m$weights[d$treat == 0] > 0),
       caliper_width = if (is.null(m$caliper)) NULL else unname(m$caliper),
       pure_r_replica_agrees = agree, replica_near_ties = rep$near_ties,
       pooled_covariance = rep$S,
       units = data.frame(id = d$id, treat = d$treat, weight = unname(m$weights),
                          subclass = ifelse(is.na(m$subclass), NA, as.character(m$subclass))),
       pairs = pairs)
}

# 1. distance = "mahalanobis" on all covariates (MatchIt's m.order = "data")
fm <- treat ~ age + educ + race + married + nodegree + re74 + re75
m1 <- matchit(fm, data = d, method = "nearest", distance = "mahalanobis")
X1 <- model.matrix(fm, d)[, -1]
r1 <- replica(X1, d$treat, seq_len(sum(d$treat == 1)))
wj(dump_case(m1, "mahal_full", "matchit(treat ~ age + educ + race + married + nodegree + re74 + re75, distance = 'mahalanobis')",
             r1, c("age", "educ", "race", "married", "nodegree", "re74", "re75")), "mahal_full.json")

# 2. PS (glm) caliper 0.2 SD, Mahalanobis on age, educ, re74, re75 inside it (m.order = "largest")
m2 <- matchit(fm, data = d, method = "nearest", distance = "glm", mahvars = ~ age + educ + re74 + re75, caliper = 0.2)
X2 <- as.matrix(d[, c("age", "educ", "re74", "re75")])
ps <- m2$distance
r2 <- replica(X2, d$treat, order(ps[d$treat == 1], decreasing = TRUE), ps, 0.2 * sd(ps))
wj(dump_case(m2, "mahal_caliper", "matchit(treat ~ age + educ + race + married + nodegree + re74 + re75, distance = 'glm', mahvars = ~ age + educ + re74 + re75, caliper = 0.2)",
             r2, c("age", "educ", "re74", "re75")), "mahal_caliper.json")
cat("full: agree", r1$near_ties, all(dump_case(m1, "", "", r1, "")$pure_r_replica_agrees), "\n")
cat("caliper: agree", all(dump_case(m2, "", "", r2, "")$pure_r_replica_agrees), "ties", r2$near_ties,
    "matched", sum(m2$weights[d$treat == 1] > 0), "\n")

# ------------------------------------------------------------ k:1 and reuse limit ----
# Replica generalised: k rounds without replacement; with replacement the k closest controls
# that have been used fewer than reuse_max times (treated units in order), ties to data order.
replica_k <- function(X, treat, ord, k, replace, reuse_max = Inf) {
  Xc <- X
  for (t in 0:1) Xc[treat == t, ] <- sweep(X[treat == t, , drop = FALSE], 2, colMeans(X[treat == t, , drop = FALSE]))
  Si <- solve(crossprod(Xc) / (nrow(X) - 2))
  ctrl <- which(treat == 0)
  uses <- rep(0, nrow(X))
  tr <- which(treat == 1)[ord]
  out <- matrix(NA_integer_, length(treat), k)
  md_of <- function(i, cand) { D <- sweep(X[cand, , drop = FALSE], 2, X[i, ]); rowSums((D %*% Si) * D) }
  if (!replace) {
    for (r in seq_len(k)) for (i in tr) {
      if (r > 1 && is.na(out[i, r - 1])) next
      cand <- ctrl[uses[ctrl] == 0]
      if (length(cand) == 0) next
      md <- md_of(i, cand)
      b <- cand[which.min(md)]
      out[i, r] <- b
      uses[b] <- 1
    }
  } else {
    for (i in tr) {
      cand <- ctrl[uses[ctrl] < reuse_max]
      md <- md_of(i, cand)
      o <- cand[order(md, cand)][seq_len(min(k, length(cand)))]
      out[i, seq_along(o)] <- o
      uses[o] <- uses[o] + 1
    }
  }
  out[treat == 1, , drop = FALSE]
}
dump_k <- function(m, case, call, rep) {
  mm <- m$match.matrix
  ids <- matrix(d$id[rep], nrow(rep))
  agree <- identical(unname(ifelse(is.na(mm), NA, mm)), unname(ids))
  list(case = case, call = call, pure_r_replica_agrees = agree,
       n_treated_matched = sum(m$weights[d$treat == 1] > 0),
       n_control_matched = sum(m$weights[d$treat == 0] > 0),
       units = data.frame(id = d$id, treat = d$treat, weight = unname(m$weights)),
       match_matrix = data.frame(treated = rownames(mm), unname(mm), stringsAsFactors = FALSE))
}
m3 <- matchit(fm, data = d, method = "nearest", distance = "mahalanobis", ratio = 2)
r3 <- replica_k(X1, d$treat, seq_len(sum(d$treat == 1)), 2, FALSE)
wj(dump_k(m3, "mahal_ratio2", "matchit(treat ~ age + educ + race + married + nodegree + re74 + re75, distance = 'mahalanobis', ratio = 2)", r3),
   "mahal_ratio2.json")
m4 <- matchit(fm, data = d, method = "nearest", distance = "mahalanobis", replace = TRUE, reuse.max = 2)
r4 <- replica_k(X1, d$treat, seq_len(sum(d$treat == 1)), 1, TRUE, 2)
wj(dump_k(m4, "mahal_reuse2", "matchit(treat ~ age + educ + race + married + nodegree + re74 + re75, distance = 'mahalanobis', replace = TRUE, reuse.max = 2)", r4),
   "mahal_reuse2.json")
cat("ratio2 agree", dump_k(m3, "", "", r3)$pure_r_replica_agrees, " reuse2 agree", dump_k(m4, "", "", r4)$pure_r_replica_agrees, "\n")

# ------------------------------------------------------------ exact strata ----
# mahvars inside a 0.2 SD PS caliper, exactly on married (covariance over the whole sample;
# the caliper width from the SD of the PS over all units).
m5 <- matchit(fm, data = d, method = "nearest", distance = "glm", mahvars = ~ age + educ + re74 + re75, caliper = 0.2,
              exact = ~ married)
ps5 <- m5$distance
width5 <- 0.2 * sd(ps5)
Xc <- X2
for (t in 0:1) Xc[d$treat == t, ] <- sweep(X2[d$treat == t, , drop = FALSE], 2, colMeans(X2[d$treat == t, , drop = FALSE]))
Si5 <- solve(crossprod(Xc) / (nrow(X2) - 2))
used <- rep(FALSE, nrow(d))
rep5 <- rep(NA_integer_, nrow(d))
for (i in which(d$treat == 1)[order(ps5[d$treat == 1], decreasing = TRUE)]) {
  cand <- which(d$treat == 0 & !used & d$married == d$married[i] & abs(ps5 - ps5[i]) <= width5)
  if (length(cand) == 0) next
  D <- sweep(X2[cand, , drop = FALSE], 2, X2[i, ])
  b <- cand[which.min(rowSums((D %*% Si5) * D))]
  rep5[i] <- b
  used[b] <- TRUE
}
r5 <- list(match = rep5, near_ties = NA, S = NULL)
wj(dump_case(m5, "mahal_exact", "matchit(treat ~ age + educ + race + married + nodegree + re74 + re75, distance = 'glm', mahvars = ~ age + educ + re74 + re75, caliper = 0.2, exact = ~ married)",
             r5, c("age", "educ", "re74", "re75")), "mahal_exact.json")
cat("exact agree", dump_case(m5, "", "", r5, "")$pure_r_replica_agrees, "matched", sum(m5$weights[d$treat == 1] > 0), "\n")

# ------------------------------------------------------------ probit with terms ----
gp <- glm(f, data = d, family = binomial("probit"))
cfp <- summary(gp)$coefficients
coefsp <- list()
for (nm in rownames(cfp)) coefsp[[nm]] <- list(estimate = cfp[nm, 1], std_error = cfp[nm, 2])
wj(list(formula = deparse(f, width.cutoff = 500), link = "probit", n = nrow(d), coefficient_names = rownames(cfp),
        coefficients = coefsp, log_likelihood = as.numeric(logLik(gp)), iterations = gp$iter,
        converged = gp$converged, propensity_scores = data.frame(id = d$id, ps = unname(fitted(gp)))),
   "glm_terms_probit.json")
cat("probit iter", gp$iter, "\n")

# ------------------------------------------------------------ kernel and radius on lalonde ----
# No psmatch2 here: psmatch2's documented formulas evaluated directly in R on the glm score of
# lalonde.csv (logit, treat ~ age + educ + race + married + nodegree + re74 + re75), as an
# independent check of padlock's windowed implementation on real data with tied scores.
# Kernel: w_tc = K((p_c - p_t)/h) / sum_c K(.), Epanechnikov K(u) = 3/4 (1 - u^2) 1(|u| < 1), h = 0.06;
# common support = treated outside the controls' score range dropped (psmatch2 `common`).
# Radius: every control with |p_c - p_t| < 0.01, equal shares. _weight = sum over treated.
g0 <- glm(fm, data = d, family = binomial("logit"))
p0 <- unname(fitted(g0))
tr <- which(d$treat == 1); ct <- which(d$treat == 0)
support <- p0 >= min(p0[ct]) & p0 <= max(p0[ct])
kw <- rep(0, nrow(d)); rw <- rep(0, nrow(d))
for (i in tr[support[tr]]) {
  u <- (p0[ct] - p0[i]) / 0.06
  k <- ifelse(abs(u) < 1, 0.75 * (1 - u^2), 0)
  if (sum(k) > 0) { kw[ct] <- kw[ct] + k / sum(k); kw[i] <- 1 }
  inr <- abs(p0[ct] - p0[i]) < 0.01
  if (any(inr)) { rw[ct[inr]] <- rw[ct[inr]] + 1 / sum(inr); rw[i] <- 1 }
}
wj(list(note = "psmatch2 formulas evaluated in R (psmatch2 itself not available); kernel epan bw 0.06 with common support; radius caliper 0.01",
        units = data.frame(id = d$id, treat = d$treat, ps = p0, support = as.integer(support[seq_along(p0)] | d$treat == 0),
                           kernel_weight = kw, radius_weight = rw)),
   "kernel_radius_lalonde.json")
cat("kernel treated matched", sum(kw[tr] > 0), "radius treated matched", sum(rw[tr] > 0), "\n")
