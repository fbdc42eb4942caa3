# Small unbalanced clustered data and reference values for CR2 (clubSandwich),
# the restricted wild cluster bootstrap (plain R loop over ALL sign/weight vectors)
# and cluster-level randomisation inference (plain R loop over ALL assignments).
# Run from this folder:  Rscript make_cr2_reference.R
# Writes cr2_data.csv and cr2_reference.json.
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

# ---------------------------------------------------------------- data --------
set.seed(4104)
sizes <- c(1L, 3L, 7L, 12L, 2L, 20L, 5L, 9L, 15L)       # unbalanced, one cluster of size 1
G <- length(sizes)
ids <- sprintf("C%d", seq_len(G))
treat_c <- c(1L, 0L, 1L, 0L, 0L, 1L, 0L, 1L, 0L)        # 4 treated clusters (2 among C1..C5)
s <- rep(seq_len(G), sizes)
n <- length(s)
x1 <- round(rnorm(n) + 0.5 * rnorm(G)[s], 6)
w <- round(runif(n, 0.5, 2), 3)                          # pupil-level weights, vary within cluster
y <- round(0.3 * treat_c[s] + 0.5 * x1 + rnorm(G, 0, 0.4)[s] + rnorm(n), 6)
dat <- data.frame(school = ids[s], treat = treat_c[s], x1 = x1, w = w, y = y)
write.csv(dat, "cr2_data.csv", row.names = FALSE, quote = FALSE)
d <- read.csv("cr2_data.csv", stringsAsFactors = FALSE)

# ---------------------------------------------------------------- CR2 ---------
cr2_block <- function(fit, data, ...) {
  V <- vcovCR(fit, cluster = data$school, type = "CR2", ...)
  ct <- coef_test(fit, vcov = V, test = "Satterthwaite")
  cn <- names(coef(fit))
  cs <- intersect(c("x1", "treat"), cn)
  lapply(setNames(cs, cs), function(term) {
    i <- match(term, cn)
    q <- qt(0.975, ct$df_Satt[i])
    se <- sqrt(diag(as.matrix(V)))[i]
    list(estimate = unname(coef(fit)[i]), se = unname(se), t_stat = ct$tstat[i],
         df_satterthwaite = ct$df_Satt[i], p_satterthwaite = ct$p_Satt[i],
         ci_lower = unname(coef(fit)[i] - q * se), ci_upper = unname(coef(fit)[i] + q * se))
  })
}
fw <- lm(y ~ treat + x1, data = d, weights = w)
fu <- lm(y ~ treat + x1, data = d)
ffw <- lm(y ~ x1 + factor(school), data = d, weights = w)   # cluster fixed effects:
ffu <- lm(y ~ x1 + factor(school), data = d)                # every I - H_gg is singular
cr2 <- list(
  weighted = cr2_block(fw, d),
  weighted_inverse_var = cr2_block(fw, d, inverse_var = TRUE),
  unweighted = cr2_block(fu, d),
  fe_weighted = cr2_block(ffw, d),
  fe_unweighted = cr2_block(ffu, d)
)

# ------------------------------------------- CR1 t by hand (checked vs sandwich) ----
cr1_t <- function(fit, data, term) {
  X <- model.matrix(fit); e <- residuals(fit); wt <- weights(fit); if (is.null(wt)) wt <- rep(1, length(e))
  M <- solve(crossprod(X, wt * X))
  sc <- rowsum(X * (wt * e), data$school)
  Gn <- nrow(sc); N <- nrow(X); K <- ncol(X)
  V <- (Gn / (Gn - 1)) * ((N - 1) / (N - K)) * M %*% crossprod(sc) %*% M
  unname(coef(fit)[term] / sqrt(V[term, term]))
}
stopifnot(abs(cr1_t(fw, d, "treat") -
              coef(fw)["treat"] / sqrt(vcovCL(fw, cluster = ~school, type = "HC1")["treat", "treat"])) < 1e-12)

# ------------------------------------------- wild cluster bootstrap (WCR) ------
# H0: beta_treat = 0 imposed: restricted fit y ~ x1 (same weights); bootstrap outcome
# y* = fitted_restricted + v_g * resid_restricted; t* = CR1 t of treat in lm(y* ~ treat + x1).
# Every vector of cluster weights is enumerated (equal probabilities), so no RNG.
wild <- function(data, support) {
  fit <- lm(y ~ treat + x1, data = data, weights = w)
  t_obs <- cr1_t(fit, data, "treat")
  r <- lm(y ~ x1, data = data, weights = w)
  cl <- match(data$school, sort(unique(data$school)))
  Gd <- max(cl)
  grid <- as.matrix(expand.grid(rep(list(support), Gd)))
  tstar <- numeric(nrow(grid))
  for (b in seq_len(nrow(grid))) {
    db <- data
    db$y <- fitted(r) + residuals(r) * grid[b, cl]
    tstar[b] <- cr1_t(lm(y ~ treat + x1, data = db, weights = w), db, "treat")
  }
  list(t_obs = t_obs, n_draws = length(tstar),
       p_value = mean(abs(tstar) >= abs(t_obs) * (1 - 1e-10)),
       abs_t_star_sorted = sort(abs(tstar)))
}
webb <- c(-sqrt(3/2), -1, -sqrt(1/2), sqrt(1/2), 1, sqrt(3/2))
d5 <- d[d$school %in% sprintf("C%d", 1:5), ]
wildres <- list(
  rademacher_all9 = wild(d, c(-1, 1)),
  webb_first5 = wild(d5, webb)
)

# ------------------------------------------- randomisation inference ----------
# Re-assign treatment to 4 of the 9 clusters in every possible way (choose(9,4) = 126),
# refit the weighted model, and compare |coef| and |CR1 t| with the observed ones.
ri <- function(data) {
  fit <- lm(y ~ treat + x1, data = data, weights = w)
  b_obs <- unname(coef(fit)["treat"]); t_obs <- cr1_t(fit, data, "treat")
  u <- sort(unique(data$school)); G1 <- length(unique(data$school[data$treat == 1]))
  cmb <- combn(length(u), G1)
  bs <- ts <- numeric(ncol(cmb))
  for (a in seq_len(ncol(cmb))) {
    db <- data
    db$treat <- as.integer(db$school %in% u[cmb[, a]])
    f <- lm(y ~ treat + x1, data = db, weights = w)
    bs[a] <- unname(coef(f)["treat"]); ts[a] <- cr1_t(f, db, "treat")
  }
  list(coef_obs = b_obs, t_obs = t_obs, n_assignments = ncol(cmb),
       p_coef = mean(abs(bs) >= abs(b_obs) * (1 - 1e-10)),
       p_t = mean(abs(ts) >= abs(t_obs) * (1 - 1e-10)),
       abs_coef_sorted = sort(abs(bs)), abs_t_sorted = sort(abs(ts)))
}
ref <- list(
  data = list(n = nrow(d), clusters = G, sizes = as.list(table(d$school)), treated_clusters = sum(treat_c)),
  cr2 = cr2,
  wild = wildres,
  randomisation = ri(d)
)
wj(ref, "cr2_reference.json")
str(ref$cr2$weighted$treat); str(ref$wild[[1]][1:3]); str(ref$wild[[2]][1:3]); str(ref$randomisation[1:5])
