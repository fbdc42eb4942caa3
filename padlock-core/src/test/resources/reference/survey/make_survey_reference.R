# Reference values for org.padlock.survey (padlock-core SurveyReferenceTest).
# Writes survey_baseline.csv, survey_final.csv (simulated Likert answers: 1-5, 9 = don't know,
# empty = not answered) and survey_reference.json. Run: Rscript make_survey_reference.R
suppressPackageStartupMessages(library(jsonlite))
set.seed(20231)
items <- c("item_a", "item_b", "item_c")
draw <- function(n, probs) {
  out <- sample(c(1:5, 9), n, replace = TRUE, prob = probs)
  out[runif(n) < 0.04] <- NA
  out
}
probs <- list(item_a = c(.05, .10, .15, .45, .20, .05),
              item_b = c(.10, .20, .25, .30, .10, .05),
              item_c = c(.02, .03, .05, .30, .58, .02))
nb <- 200; nf <- 120
base <- data.frame(id = sprintf("S%03d", 1:nb))
fin <- data.frame(id = sprintf("S%03d", sample(1:nb, nf)),
                  status = sample(c("completed", "withdrawn"), nf, replace = TRUE, prob = c(.7, .3)),
                  quintile = sample(1:5, nf, replace = TRUE, prob = c(.25, .25, .2, .18, .12)))
for (it in items) {
  base[[it]] <- draw(nb, probs[[it]])
  # the final survey shifts item_a upwards and item_b downwards
  pf <- probs[[it]]
  if (it == "item_a") pf <- c(.03, .05, .10, .45, .32, .05)
  if (it == "item_b") pf <- c(.15, .25, .25, .20, .10, .05)
  fin[[it]] <- draw(nf, pf)
}
wcsv <- function(d, f) write.csv(d, f, row.names = FALSE, na = "", quote = FALSE)
wcsv(base, "survey_baseline.csv")
wcsv(fin, "survey_final.csv")

compare <- function(xa, xb, item) {
  xa <- xa[!is.na(xa)]; xb <- xb[!is.na(xb)]
  ra <- xa[xa %in% 1:5]; rb <- xb[xb %in% 1:5]
  st <- t.test(ra, rb, var.equal = TRUE); we <- t.test(ra, rb, var.equal = FALSE)
  tab <- rbind(tabulate(ra, 5), tabulate(rb, 5)); tab <- tab[, colSums(tab) > 0, drop = FALSE]
  ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
  aa <- sum(xa %in% 4:5); ab <- sum(xb %in% 4:5); na <- length(xa); nb <- length(xb)
  fi <- fisher.test(matrix(c(aa, ab, na - aa, nb - ab), 2))
  pc <- suppressWarnings(prop.test(c(aa, ab), c(na, nb), correct = TRUE))
  pu <- suppressWarnings(prop.test(c(aa, ab), c(na, nb), correct = FALSE))
  list(item = item, n_a = na, n_b = nb, agree_a = aa, agree_b = ab, mean_a = mean(ra), mean_b = mean(rb),
       student_t = unname(st$statistic), student_df = unname(st$parameter), student_p = st$p.value,
       welch_t = unname(we$statistic), welch_df = unname(we$parameter), welch_p = we$p.value,
       chisq = unname(ch$statistic), chisq_df = unname(ch$parameter), chisq_p = ch$p.value,
       fisher_p = fi$p.value, prop_p = pc$p.value, prop_stat = unname(pc$statistic),
       prop_uncorrected_p = pu$p.value, prop_uncorrected_stat = unname(pu$statistic))
}
adjust <- function(rows) {
  tp <- sapply(rows, `[[`, "student_p"); pp <- sapply(rows, `[[`, "prop_p"); wp <- sapply(rows, `[[`, "welch_p")
  h <- p.adjust(tp, "holm"); b <- p.adjust(tp, "BH"); ph <- p.adjust(pp, "holm"); pb <- p.adjust(pp, "BH")
  wh <- p.adjust(wp, "holm"); wb <- p.adjust(wp, "BH")
  for (i in seq_along(rows)) {
    rows[[i]]$student_holm <- h[i]; rows[[i]]$student_bh <- b[i]
    rows[[i]]$welch_holm <- wh[i]; rows[[i]]$welch_bh <- wb[i]
    rows[[i]]$prop_holm <- ph[i]; rows[[i]]$prop_bh <- pb[i]
  }
  rows
}
instruments <- adjust(lapply(items, function(it) compare(base[[it]], fin[[it]], it)))
status <- adjust(lapply(items, function(it) compare(fin[[it]][fin$status == "completed"], fin[[it]][fin$status == "withdrawn"], it)))
quint <- list()
for (it in items) for (x in 1:4) for (y in (x + 1):5) {
  r <- compare(fin[[it]][fin$quintile == x], fin[[it]][fin$quintile == y], it)
  r$level_a <- as.character(x); r$level_b <- as.character(y)
  quint[[length(quint) + 1]] <- r
}
quint <- adjust(quint)
# one omnibus test per item across the five quintiles
omni <- lapply(items, function(it) {
  x <- fin[[it]]; ok <- !is.na(x); q <- fin$quintile[ok]; x <- x[ok]
  r <- x %in% 1:5
  ta <- table(factor(q[r], levels = 1:5), factor(x[r], levels = 1:5)); ta <- ta[rowSums(ta) > 0, colSums(ta) > 0, drop = FALSE]
  tg <- table(factor(q, levels = 1:5), factor(x %in% 4:5, levels = c(TRUE, FALSE))); tg <- tg[rowSums(tg) > 0, , drop = FALSE]
  ca <- suppressWarnings(chisq.test(ta, correct = FALSE)); cg <- suppressWarnings(chisq.test(tg, correct = FALSE))
  list(item = it, answer_chisq = unname(ca$statistic), answer_df = unname(ca$parameter), answer_p = ca$p.value,
       agree_chisq = unname(cg$statistic), agree_df = unname(cg$parameter), agree_p = cg$p.value)
})
op <- sapply(omni, `[[`, "agree_p"); oh <- p.adjust(op, "holm"); ob <- p.adjust(op, "BH")
for (i in seq_along(omni)) { omni[[i]]$agree_holm <- oh[i]; omni[[i]]$agree_bh <- ob[i] }
summ <- lapply(items, function(it) {
  x <- fin[[it]]; x <- x[!is.na(x)]; r <- x[x %in% 1:5]
  list(item = it, n = length(x), agree = sum(x %in% 4:5), disagree = sum(x %in% 1:2), dont_know = sum(x == 9),
       mean = mean(r), sd = sd(r))
})
fisher_cases <- list(c(3, 1, 1, 3), c(10, 2, 3, 15), c(0, 5, 6, 1), c(7, 7, 7, 7), c(1, 20, 12, 4))
fisher <- lapply(fisher_cases, function(v) list(table = v, p = fisher.test(matrix(v, 2, byrow = TRUE))$p.value))
pv <- c(0.01, 0.04, NA, 0.03, 0.005, 0.04, 0.5, 0.2)
padj <- list(p = pv, holm = p.adjust(pv, "holm"), bh = p.adjust(pv, "BH"))
write_json(list(summary_final = summ, baseline_vs_final = instruments, completed_vs_withdrawn = status,
                quintile_pairs = quint, quintile_omnibus = omni, fisher = fisher, p_adjust = padj,
                r_version = R.version.string),
           "survey_reference.json", digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null")
