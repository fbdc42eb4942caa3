# Reference values for org.padlock.design.StandardNormal: R's pnorm (lower tail, plain and log)
# and dnorm on a grid covering Cody's three intervals and the far lower tail.
library(jsonlite)
x <- sort(unique(c(seq(-40, 10, by = 0.37), -0.66291, 0.66291, -sqrt(32), sqrt(32), 0, 1e-20, -1e-20,
                   -0.5, 0.5, -1.96, 1.96, -8.3, 8.3, -37.5, -50, -100, -1000, 0.123456789, -3.3, 3.3)))
# every number written with 17 significant digits, so that it reads back as the same double
num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
writeLines(paste0("{\"r_version\":", toJSON(R.version.string, auto_unbox = TRUE),
                  ",\n\"x\":", num(x), ",\n\"pnorm\":", num(pnorm(x)),
                  ",\n\"log_pnorm\":", num(pnorm(x, log.p = TRUE)), ",\n\"dnorm\":", num(dnorm(x)), "}"),
           "normal.json")
