# Long-panel difference-in-differences reference values: event-study coefficients (relative-period
# dummies x treated, reference period -1) and the static TWFE estimate with unit and period fixed
# effects as dummies in lm, CR1 covariance sandwich::vcovCL(type = "HC1"), t(G - 1) and a joint
# pre-trend Wald F(q, G - 1) as Stata's `test` after vce(cluster); the two-period case
# (post - pre on treatment); mean outcome by period and arm.
# Run from this folder:  Rscript make_panel_reference.R   (writes panel_data.csv, panel_reference.json)
suppressPackageStartupMessages({
  library(sandwich)
  library(jsonlite)
})
wj <- function(x, path) write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

set.seed(20261125)
U <- 48; periods <- 2014:2019; first <- 2017
part <- sprintf("Q%02d", rep(1:16, each = 3))                 # 16 partnerships of 3 schools
treat_p <- sample(c(rep(1L, 6), rep(0L, 10)))
treat_u <- treat_p[rep(1:16, each = 3)]
w_u <- ifelse(treat_u == 1, 1, round(runif(U, 0.3, 2.5), 4))
a_u <- rnorm(U, 0, 2); g_t <- c(0, 0.3, 0.5, 0.6, 1.0, 1.1)
d <- expand.grid(period = periods, u = 1:U)
d$unit <- sprintf("S%02d", d$u)
d$partnership <- part[d$u]
d$treat <- treat_u[d$u]
d$w <- w_u[d$u]
d$x <- round(rnorm(nrow(d)) + 0.2 * (d$period - 2014), 6)
k <- d$period - first
eff <- ifelse(d$treat == 1 & k >= 0, 0.4 + 0.2 * k, 0) + ifelse(d$treat == 1 & k == -3, 0.15, 0)
d$y <- round(50 + a_u[d$u] + g_t[d$period - 2013] + 0.5 * d$x + eff + rnorm(nrow(d)), 6)
d$y[sample(nrow(d), 9)] <- NA                                  # unbalanced: 9 missing outcomes
d <- d[, c("unit", "partnership", "period", "treat", "w", "x", "y")]
write.csv(d, "panel_data.csv", row.names = FALSE, quote = FALSE, na = "NA")

d <- read.csv("panel_data.csv", stringsAsFactors = FALSE)
d <- d[!is.na(d$y), ]
d$k <- d$period - first
rel <- c(-3, -2, 0, 1, 2)
nm <- function(r) if (r < 0) paste0("rel_m", -r) else paste0("rel_", r)
for (r in rel) d[[nm(r)]] <- as.integer(d$treat == 1 & d$k == r)
d$treat_post <- as.integer(d$treat == 1 & d$k >= 0)

fit_block <- function(weighted, cluster, covs) {
  rhs <- c("factor(unit)", "factor(period)", sapply(rel, nm), covs)
  fm <- as.formula(paste("y ~", paste(rhs, collapse = " + ")))
  fs <- as.formula(paste("y ~", paste(c("factor(unit)", "factor(period)", "treat_post", covs), collapse = " + ")))
  fe <- if (weighted) lm(fm, data = d, weights = w) else lm(fm, data = d)
  st <- if (weighted) lm(fs, data = d, weights = w) else lm(fs, data = d)
  cl <- d[[cluster]]; G <- length(unique(cl))
  V <- sandwich::vcovCL(fe, cluster = cl, type = "HC1")
  Vs <- sandwich::vcovCL(st, cluster = cl, type = "HC1")
  tq <- qt(0.975, G - 1)
  ct <- function(b, se) list(estimate = unname(b), std_error = unname(se), df = G - 1,
                             p_value = unname(2 * pt(abs(b / se), G - 1, lower.tail = FALSE)),
                             ci_lower = unname(b - tq * se), ci_upper = unname(b + tq * se))
  es <- lapply(rel, function(r) c(list(relative_period = r), ct(coef(fe)[nm(r)], sqrt(V[nm(r), nm(r)]))))
  pre <- c("rel_m3", "rel_m2")
  b <- coef(fe)[pre]; Vp <- V[pre, pre]
  Fstat <- as.numeric(t(b) %*% solve(Vp) %*% b) / length(pre)
  # trends: (weighted) mean outcome by period and arm
  tr <- do.call(rbind, lapply(split(d, list(d$period, d$treat)), function(s) {
    ww <- if (weighted) s$w else rep(1, nrow(s))
    data.frame(period = s$period[1], treated = s$treat[1], mean = sum(ww * s$y) / sum(ww), n = nrow(s))
  }))
  tr <- tr[order(tr$treated, tr$period), ]
  rownames(tr) <- NULL
  list(weighted = weighted, cluster = cluster, covariates = I(covs), n = nobs(fe), n_clusters = G,
       rank_event = fe$rank, rank_static = st$rank,
       static = ct(coef(st)["treat_post"], sqrt(Vs["treat_post", "treat_post"])),
       event_study = es,
       pre_trend = list(terms = I(pre), f = Fstat, df1 = length(pre), df2 = G - 1,
                        p_value = pf(Fstat, length(pre), G - 1, lower.tail = FALSE)),
       covariate_estimates = if (length(covs)) as.list(coef(fe)[covs]) else NULL,
       trends = tr)
}

# two periods (2016 = pre, 2017 = post), complete units only: change on treatment
two_period <- function() {
  p0 <- d[d$period == 2016, c("unit", "partnership", "treat", "w", "y")]
  p1 <- d[d$period == 2017, c("unit", "y")]
  m <- merge(p0, p1, by = "unit", suffixes = c("_pre", "_post"))
  m$change <- m$y_post - m$y_pre
  f <- lm(change ~ treat, data = m, weights = w)
  G <- length(unique(m$partnership))
  V <- sandwich::vcovCL(f, cluster = m$partnership, type = "HC1")
  b <- coef(f)["treat"]; se <- sqrt(V["treat", "treat"]); tq <- qt(0.975, G - 1)
  long <- rbind(data.frame(unit = m$unit, partnership = m$partnership, w = m$w, y = m$y_pre, post = 0, treat = m$treat),
                data.frame(unit = m$unit, partnership = m$partnership, w = m$w, y = m$y_post, post = 1, treat = m$treat))
  long$tp <- long$treat * long$post
  tw <- lm(y ~ factor(unit) + post + tp, data = long, weights = w)
  list(n = nrow(m), n_clusters = G, estimate = unname(b), std_error = unname(se), df = G - 1,
       p_value = unname(2 * pt(abs(b / se), G - 1, lower.tail = FALSE)),
       ci_lower = unname(b - tq * se), ci_upper = unname(b + tq * se),
       twfe_estimate = unname(coef(tw)["tp"]))
}

ref <- list(
  first_treated_period = first, n_rows_csv = 288, n_missing_y = 9,
  weighted_partnership_x = fit_block(TRUE, "partnership", "x"),
  unweighted_unit = fit_block(FALSE, "unit", character(0)),
  two_period_2016_2017 = two_period())
wj(ref, "panel_reference.json")
str(ref$weighted_partnership_x$pre_trend)
str(ref$two_period_2016_2017)
