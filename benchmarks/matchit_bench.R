# Times R's glm + MatchIt nearest-neighbour matching on a CSV written by org.padlock.bench.SyntheticData.
# Usage: Rscript matchit_bench.R DATA.csv compiled|fixed ratio replace
#   compiled: MatchIt's own C++ matcher (4.5.1: |distance differences| truncated to integers, see
#             padlock-core/src/test/resources/reference/lalonde/README.md; timing is representative)
#   fixed:    the pure-R corrected routine nn_match_fixed.R (ratio 1 without replacement only)
# Prints one line: read_s glm_s matchit_s (matchit_s includes MatchIt's own glm fit).
t0 <- proc.time()[["elapsed"]]
suppressPackageStartupMessages(library(MatchIt))
args <- commandArgs(trailingOnly = TRUE)
mode <- args[2]; ratio <- as.integer(args[3]); replace <- as.logical(args[4])
if (mode == "fixed") {
  here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
  source(file.path(here, "..", "padlock-core", "src", "test", "resources", "reference", "lalonde", "nn_match_fixed.R"))
  use_r_matcher(trunc_abs = FALSE)
}
t1 <- proc.time()[["elapsed"]]
d <- read.csv(args[1], stringsAsFactors = FALSE)
d$f <- factor(d$f)
t2 <- proc.time()[["elapsed"]]
fm <- treat ~ x1 + x2 + x3 + x4 + x5 + x6 + x7 + f
g <- glm(fm, data = d, family = binomial())
t3 <- proc.time()[["elapsed"]]
m <- suppressWarnings(matchit(fm, data = d, method = "nearest", ratio = ratio, replace = replace, caliper = 0.2))
t4 <- proc.time()[["elapsed"]]
s <- summary(m)
t5 <- proc.time()[["elapsed"]]
cat(sprintf("load_s %.3f read_s %.3f glm_s %.3f matchit_s %.3f summary_s %.3f treated_matched %d\n",
            t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, sum(m$weights > 0 & d$treat == 1)))
