# make-extra.R - more reference tables for quire's stats tests, computed by R
#
# Run from this directory with R 4.2:  Rscript make-extra.R
# Writes extra_tables.csv and extra_expected.csv in the format of the
# shared tables.csv / expected.csv (see README there), extra_proportions.csv
# like proportions.csv, and mc_tables.csv / mc_expected.csv for the Monte
# Carlo test.
#
# Tables with a row or column of zeros: R's chisq.test() gives NaN and
# fisher.test() refuses or differs on them, while quire leaves such rows
# and columns out of every test.  Their reference figures are therefore
# computed on the table with the empty rows and columns removed; nrow and
# ncol still give the full table's shape, and cells counts the cells of
# the reduced table.
#
# phi_abs is sqrt(X^2 / n), the phi PSPP and SPSS report for any table (as
# in the shared expected.csv); phi itself, signed, is for 2x2 tables only.

tables <- list(
  e01_2x2_diag_zeros = matrix(c(0, 5, 4, 0), 2, byrow = TRUE),
  e02_2x2_one_zero = matrix(c(0, 3, 2, 4), 2, byrow = TRUE),
  e03_2x2_perfect = matrix(c(10, 0, 0, 10), 2, byrow = TRUE),
  e04_2x2_all_ties = matrix(c(2, 2, 2, 2), 2, byrow = TRUE),
  e05_2x2_n1000 = matrix(c(270, 230, 240, 260), 2, byrow = TRUE),
  e06_2x3_n30 = matrix(c(10, 3, 9, 3, 2, 3), 2, byrow = TRUE),
  e07_2x4_n60 = matrix(c(7, 4, 5, 6, 10, 7, 12, 9), 2, byrow = TRUE),
  e08_2x5_n120 = matrix(c(6, 4, 10, 3, 6, 22, 21, 13, 16, 19), 2, byrow = TRUE),
  e09_2x6_n193 = matrix(c(33, 16, 14, 35, 21, 27, 4, 6, 7, 11, 9, 10), 2, byrow = TRUE),
  e10_3x3_n40 = matrix(c(2, 6, 2, 5, 2, 6, 1, 12, 4), 3, byrow = TRUE),
  e11_3x4_n60 = matrix(c(6, 2, 7, 9, 4, 5, 7, 5, 1, 2, 10, 2), 3, byrow = TRUE),
  e12_4x4_n47 = matrix(c(8, 1, 2, 6, 2, 1, 2, 3, 2, 1, 3, 2, 3, 4, 2, 5), 4, byrow = TRUE),
  e13_5x2_n193 = matrix(c(24, 36, 31, 19, 3, 8, 11, 12, 22, 27), 5, byrow = TRUE),
  e14_5x5_n47 = matrix(c(1, 1, 1, 1, 0, 3, 5, 3, 0, 1, 0, 6, 5, 2, 2, 1, 0, 1, 0, 1,
                         1, 4, 6, 2, 0), 5, byrow = TRUE),
  e15_6x2_n80 = matrix(c(11, 11, 3, 1, 7, 11, 1, 2, 5, 8, 10, 10), 6, byrow = TRUE),
  e16_3x5_n100 = matrix(c(6, 5, 6, 15, 8, 2, 4, 4, 9, 13, 5, 4, 4, 8, 7), 3, byrow = TRUE),
  e17_3x6_n90 = matrix(c(5, 7, 10, 8, 3, 8, 6, 7, 2, 2, 1, 2, 6, 9, 6, 5, 1, 2), 3,
                       byrow = TRUE),
  e18_4x5_n80 = matrix(c(2, 1, 3, 2, 5, 5, 0, 2, 1, 13, 4, 4, 4, 1, 8, 8, 6, 2, 2, 7), 4,
                       byrow = TRUE),
  e19_4x4_n100 = matrix(c(8, 2, 3, 5, 28, 7, 9, 4, 8, 2, 2, 4, 6, 7, 3, 2), 4, byrow = TRUE),
  e20_3x3_n193 = matrix(c(26, 35, 22, 25, 21, 20, 13, 17, 14), 3, byrow = TRUE),
  e21_2x3_n10000 = matrix(c(1485, 1668, 1495, 1838, 1678, 1836), 2, byrow = TRUE),
  e22_zero_row_4x3 = matrix(c(3, 1, 4, 0, 0, 0, 2, 6, 1, 5, 0, 2), 4, byrow = TRUE),
  e23_zero_col_2x4 = matrix(c(4, 0, 2, 7, 1, 0, 6, 2), 2, byrow = TRUE),
  e24_zero_row_col_3x3 = matrix(c(5, 0, 1, 0, 0, 0, 2, 0, 6), 3, byrow = TRUE),
  e25_unbalanced_2x3 = matrix(c(1, 0, 0, 50, 60, 70), 2, byrow = TRUE),
  e26_unbalanced_4x3 = matrix(c(40, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2), 4, byrow = TRUE),
  e27_uniform_3x3_ties = matrix(rep(3, 9), 3, byrow = TRUE),
  e28_2x2_n1e6_unbalanced = matrix(c(10, 990, 30, 998970), 2, byrow = TRUE),
  e29_2x7_n47 = matrix(c(5, 3, 2, 4, 1, 6, 2, 3, 5, 4, 1, 6, 2, 3), 2, byrow = TRUE)
)

f17 <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

reference <- function(id, x) {
  y <- x[rowSums(x) > 0, colSums(x) > 0, drop = FALSE]
  n <- sum(y)
  E <- outer(rowSums(y), colSums(y)) / n
  df <- (nrow(y) - 1) * (ncol(y) - 1)
  pearson <- suppressWarnings(chisq.test(y, correct = FALSE))
  two <- nrow(y) == 2 && ncol(y) == 2
  yates <- if (two) suppressWarnings(chisq.test(y, correct = TRUE)) else NULL
  g <- 2 * sum(y[y > 0] * log(y[y > 0] / E[y > 0]))
  fisher <- if (two) fisher.test(y) else fisher.test(y, workspace = 2e8)
  phi <- if (two) (y[1, 1] * y[2, 2] - y[1, 2] * y[2, 1]) /
    sqrt(prod(rowSums(y)) * prod(colSums(y))) else NA
  data.frame(
    table_id = id, nrow = nrow(x), ncol = ncol(x), n = sprintf("%.0f", n),
    pearson_chisq = f17(unname(pearson$statistic)), df = df,
    pearson_p = f17(pearson$p.value),
    yates_chisq = f17(if (two) unname(yates$statistic) else NA),
    yates_p = f17(if (two) yates$p.value else NA),
    lr_g = f17(g), lr_g_p = f17(pchisq(g, df, lower.tail = FALSE)),
    fisher_p = f17(fisher$p.value),
    fisher_method = if (two) "fisher.test 2x2" else "fisher.test rxc: FEXACT; workspace=2e8",
    fisher_p_less = f17(if (two) fisher.test(y, alternative = "less")$p.value else NA),
    fisher_p_greater = f17(if (two) fisher.test(y, alternative = "greater")$p.value else NA),
    phi = f17(phi), phi_abs = f17(sqrt(unname(pearson$statistic) / n)),
    cramers_v = f17(sqrt(unname(pearson$statistic) / (n * (min(dim(y)) - 1)))),
    min_expected = f17(min(E)), cells_expected_lt5 = sum(E < 5), cells = length(E)
  )
}

long_form <- function(id, x) {
  idx <- expand.grid(col = seq_len(ncol(x)), row = seq_len(nrow(x)))
  data.frame(table_id = id, row = idx$row, col = idx$col, count = x[cbind(idx$row, idx$col)])
}

write_tables <- function(tabs, file) {
  out <- do.call(rbind, Map(long_form, names(tabs), tabs))
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

write_tables(tables, "extra_tables.csv")
expected <- do.call(rbind, Map(reference, names(tables), tables))
write.csv(expected, "extra_expected.csv", row.names = FALSE, quote = FALSE)

# Proportions, up to n = 1e9 (where GSL's beta quantile gives up).
grid <- NULL
for (n in c(1, 2, 3, 9, 10, 47, 100, 193, 1000, 12345, 1e5, 1e6, 1e7, 1e9)) {
  for (k in unique(c(0, 1, 2, floor(n / 3), floor(n / 2), n - 2, n - 1, n))) {
    if (k < 0 || k > n) next
    z <- qnorm(0.975)
    p <- k / n
    centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
    half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
    grid <- rbind(grid, data.frame(
      successes = sprintf("%.0f", k), n = sprintf("%.0f", n),
      wilson_lower = f17(if (k == 0) 0 else centre - half),
      wilson_upper = f17(if (k == n) 1 else centre + half),
      cp_lower = f17(if (k == 0) 0 else qbeta(0.025, k, n - k + 1)),
      cp_upper = f17(if (k == n) 1 else qbeta(0.975, k + 1, n - k))))
  }
}
write.csv(grid, "extra_proportions.csv", row.names = FALSE, quote = FALSE)

# Monte Carlo: an 8x8 table of 400 that exact enumeration cannot finish in
# quire's work limit.  The reference is R's simulated p with B = 1e6
# (standard error below 0.0005) and a fixed seed.
set.seed(20190630)
probs <- outer(c(3, 2, 2, 1, 1, 1, 2, 3), c(1, 2, 3, 2, 1, 1, 2, 1)) *
  (1 + 0.35 * diag(8))
mc <- matrix(rmultinom(1, 400, as.vector(probs)), 8)
B <- 1e6
sim <- fisher.test(mc, simulate.p.value = TRUE, B = B)
mc_tables <- list(m01_8x8_n400 = mc)
write_tables(mc_tables, "mc_tables.csv")
write.csv(data.frame(table_id = "m01_8x8_n400", fisher_p_sim = f17(sim$p.value),
                     replicates = sprintf("%.0f", B),
                     se = f17(sqrt(sim$p.value * (1 - sim$p.value) / B))),
          "mc_expected.csv", row.names = FALSE, quote = FALSE)
