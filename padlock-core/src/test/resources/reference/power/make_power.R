# PowerUp! MDES formulas (Dong & Maynard 2013; PowerUpR 1.1.0 mdes.cra2r2, mdes.ira1r1,
# mdes.bira2r1) written out with stats::qt, because PowerUpR is not installed here.
# Multiplier M = qt(1 - alpha/tails, df) + qt(power, df)  (PowerUpR .mdes.fun).
# Run from this folder: Rscript make_power.R  -> power_reference.json
library(jsonlite)
mult <- function(df, alpha, power, two) qt(1 - alpha / (if (two) 2 else 1), df) + qt(power, df)
cra2 <- function(rho2, n, J, p = .5, r21 = 0, r22 = 0, g2 = 0, alpha = .05, power = .8, two = TRUE) {
  df <- J - g2 - 2
  se <- sqrt(rho2 * (1 - r22) / (p * (1 - p) * J) + (1 - rho2) * (1 - r21) / (p * (1 - p) * J * n))
  M <- mult(df, alpha, power, two)
  list(design = "cra2", rho2 = rho2, n = n, J = J, p = p, r21 = r21, r22 = r22, g2 = g2,
       alpha = alpha, power = power, two_tailed = two, df = df, multiplier = M, se = se, mdes = M * se)
}
ira1 <- function(n, p = .5, r21 = 0, g1 = 0, alpha = .05, power = .8, two = TRUE) {
  df <- n - g1 - 2
  se <- sqrt((1 - r21) / (p * (1 - p) * n))
  M <- mult(df, alpha, power, two)
  list(design = "ira1", n = n, p = p, r21 = r21, g1 = g1, alpha = alpha, power = power,
       two_tailed = two, df = df, multiplier = M, se = se, mdes = M * se)
}
bira2r1 <- function(rho2, omega2, n, J, p = .5, r21 = 0, r2t2 = 0, g2 = 0, alpha = .05, power = .8, two = TRUE) {
  df <- J - g2 - 1
  se <- sqrt(rho2 * omega2 * (1 - r2t2) / J + (1 - rho2) * (1 - r21) / (p * (1 - p) * J * n))
  M <- mult(df, alpha, power, two)
  list(design = "bira2r1", rho2 = rho2, omega2 = omega2, n = n, J = J, p = p, r21 = r21, r2t2 = r2t2,
       g2 = g2, alpha = alpha, power = power, two_tailed = two, df = df, multiplier = M, se = se, mdes = M * se)
}
cases <- list(
  # PowerUpR documentation example: mdes.cra2(rho2 = .17, n = 15, J = 20) -> 0.629, M = 2.963
  cra2(.17, 15, 20),
  cra2(.17, 15, 20, r21 = .5, r22 = .5, g2 = 1),
  cra2(.17, 15, 20, two = FALSE),
  cra2(.20, 4, 20, alpha = .01),
  cra2(.10, 25.5, 41, p = 14 / 41, r21 = .3, r22 = .6, g2 = 3, power = .9),
  # seed 000 Table 3 inputs, pre-post correlation r used as R^2 = r^2 at both levels, g2 = 1
  cra2(.15, 170, 30, r21 = .6^2, r22 = .6^2, g2 = 1),
  cra2(.086, 13323 / 87, 87, p = 14 / 87, r21 = .58^2, r22 = .58^2, g2 = 1),
  cra2(.083, 8650 / 55, 55, p = 14 / 55, r21 = .58^2, r22 = .58^2, g2 = 1),
  ira1(200),
  ira1(64, p = .25, r21 = .4, g1 = 2, two = FALSE),
  bira2r1(.35, .10, 83, 480),
  bira2r1(.20, .50, 30, 12, p = .4, r21 = .5, r2t2 = .2, g2 = 1)
)
write_json(cases, "power_reference.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")

# One-way ANOVA ICC (Donner 1986 eq. 2.2) of y by school on ../cluster/cluster_data.csv (rows with y
# observed), from stats::aov mean squares.
d <- read.csv("../cluster/cluster_data.csv", stringsAsFactors = FALSE)
d <- d[!is.na(d$y), ]
a <- summary(aov(y ~ factor(school), data = d))[[1]]
msb <- a[["Mean Sq"]][1]; msw <- a[["Mean Sq"]][2]
N <- nrow(d); nj <- table(d$school); k <- length(nj)
n0 <- (N - sum(nj^2) / N) / (k - 1)
icc <- list(n = N, groups = k, msb = msb, msw = msw, n0 = n0, icc = (msb - msw) / (msb + (n0 - 1) * msw))
write_json(icc, "icc_reference.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
