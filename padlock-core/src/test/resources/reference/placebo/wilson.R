# Wilson score intervals (prop.test without continuity correction) for PlaceboHarness's Monte Carlo intervals.
# Regenerate: Rscript wilson.R > wilson.json
library(jsonlite)
cases <- list(c(0, 500), c(25, 500), c(37, 500), c(500, 500), c(3, 20), c(1, 1))
out <- lapply(cases, function(kn) {
  ci <- suppressWarnings(prop.test(kn[1], kn[2], correct = FALSE, conf.level = 0.95)$conf.int)
  list(k = kn[1], n = kn[2], low = ci[1], high = ci[2])
})
cat(toJSON(list(r_version = R.version.string, cases = out), digits = NA, auto_unbox = TRUE, pretty = TRUE))
