# Simulated pre/post data for schools nested in partnerships (treatment assigned
# at partnership level) and reference difference-in-differences estimates.
# Run from this folder:  Rscript make_did_data.R
# Writes did_data.csv and did_reference.json.
suppressPackageStartupMessages({
  library(sandwich)
  library(clubSandwich)
  library(jsonlite)
})

wj <- function(x, path) {
  write_json(x, path, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
}

# ---------------------------------------------------------------- data --------
set.seed(20261123)
P <- 30
sizes <- sample(rep(3:7, 6))                     # 30 partnerships, mean 5, total 150
stopifnot(sum(sizes) == 150)
p_ids <- sprintf("P%02d", seq_len(P))
treat_p <- sample(c(rep(1L, 10), rep(0L, P - 10)))
u_p <- rnorm(P, 0, 1)                            # partnership level
v_p <- rnorm(P, 0, 0.7)                          # partnership-level shock to the change
n <- sum(sizes)
p_idx <- rep(seq_len(P), sizes)
z <- rnorm(n, 0, 1) + 0.5 * rnorm(P)[p_idx]
a_i <- rnorm(n, 0, 2)                            # school level
pre  <- 20 + u_p[p_idx] + a_i + 0.8 * z + rnorm(n, 0, 1)
post <- 20.5 + u_p[p_idx] + a_i + 0.8 * z + 0.6 * z + v_p[p_idx] +
        1.5 * treat_p[p_idx] + rnorm(n, 0, 1)

dat <- data.frame(
  id = sprintf("S%03d", seq_len(n)),
  partnership = p_ids[p_idx],
  treat = treat_p[p_idx],
  z = round(z, 6),
  pre = round(pre, 6),
  post = round(post, 6),
  stringsAsFactors = FALSE
)
write.csv(dat, "did_data.csv", row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------- analysis ----
d <- read.csv("did_data.csv", stringsAsFactors = FALSE)
d$change <- d$post - d$pre      # same as I(post - pre)
G <- length(unique(d$partnership))

did_fit <- function(fm, label) {
  fit <- lm(fm, data = d)
  cn <- names(coef(fit))
  V1 <- sandwich::vcovCL(fit, cluster = ~partnership, type = "HC1")
  V2 <- clubSandwich::vcovCR(fit, cluster = d$partnership, type = "CR2")
  ct <- clubSandwich::coef_test(fit, vcov = V2, test = "Satterthwaite")
  ci2 <- clubSandwich::conf_int(fit, vcov = V2, level = 0.95, test = "Satterthwaite")
  col <- function(df, opts) df[[intersect(opts, names(df))[1]]]
  dfc <- G - 1
  tq <- qt(0.975, dfc)
  coefs <- lapply(setNames(seq_along(cn), cn), function(i) {
    b <- unname(coef(fit)[i]); se1 <- sqrt(V1[i, i])
    list(
      estimate = b,
      se_classical = unname(sqrt(diag(vcov(fit)))[i]),
      cr1 = list(
        se = se1, t_stat = b / se1, df = dfc,
        p_value = 2 * pt(abs(b / se1), dfc, lower.tail = FALSE),
        ci_lower = b - tq * se1, ci_upper = b + tq * se1
      ),
      cr2 = list(
        se = unname(sqrt(diag(as.matrix(V2)))[i]),
        t_stat = unname(col(ct, c("tstat", "t_stat"))[i]),
        df_satterthwaite = unname(col(ct, c("df_Satt", "df"))[i]),
        p_satterthwaite = unname(col(ct, c("p_Satt", "p_val"))[i]),
        ci_lower = unname(col(ci2, "CI_L")[i]),
        ci_upper = unname(col(ci2, "CI_U")[i])
      )
    )
  })
  list(model = label, n = nobs(fit), n_clusters = G, coefficient_names = cn,
       df_residual = fit$df.residual, coefficients = coefs)
}

m1 <- did_fit(I(post - pre) ~ treat, "lm(I(post - pre) ~ treat)")
m2 <- did_fit(I(post - pre) ~ treat + z, "lm(I(post - pre) ~ treat + z)")

# Two-way fixed effects on long format
long <- rbind(
  data.frame(id = d$id, partnership = d$partnership, treat = d$treat, period = 0L, y = d$pre),
  data.frame(id = d$id, partnership = d$partnership, treat = d$treat, period = 1L, y = d$post)
)
long$treat_post <- long$treat * long$period
twfe <- lm(y ~ factor(id) + factor(period) + treat_post, data = long)
b_twfe <- unname(coef(twfe)["treat_post"])
se_twfe_cr1 <- unname(sqrt(diag(sandwich::vcovCL(twfe, cluster = ~partnership, type = "HC1")))["treat_post"])
diff <- b_twfe - m1$coefficients$treat$estimate
stopifnot(abs(diff) < 1e-10)

ref <- list(
  data = list(n_schools = nrow(d), n_partnerships = G,
              n_treated_partnerships = length(unique(d$partnership[d$treat == 1])),
              n_treated_schools = sum(d$treat)),
  change_on_treat = m1,
  change_on_treat_z = m2,
  twfe = list(
    model = "lm(y ~ factor(id) + factor(period) + treat_post), long format, 2 rows per school",
    n = nobs(twfe),
    estimate_treat_post = b_twfe,
    abs_diff_vs_change_on_treat = abs(diff),
    se_cr1_partnership = se_twfe_cr1,
    df_residual = twfe$df.residual
  )
)
wj(ref, "did_reference.json")

str(m1$coefficients$treat); str(m2$coefficients$treat)
cat("TWFE estimate", format(b_twfe, digits = 17), " diff", diff, " TWFE CR1 se", se_twfe_cr1, "\n")
