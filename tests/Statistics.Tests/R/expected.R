# Expected values for the C# R-agreement tests, computed with R's survey package exactly as DESIGN §6 says.
#   Rscript expected.R     (from this folder; needs Debian's r-cran-survey) -> expected.csv
# Reads data/<set>-respondents.csv and data/<set>-population.csv (made by generate.R).
suppressPackageStartupMessages(library(survey))
sexes <- c("K", "M")
ages <- c("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+")
items <- c("o1", "o2", "o3", "a1", "a2", "b1", "b2", "b3")

# The C# collapse rule: per sex, an age group with population but no respondents joins its younger
# neighbour (the youngest joins the next older), repeated until every group has respondents.
collapse <- function(resp_counts, pop_counts) {
  map <- character(0)
  for (s in sexes) {
    groups <- lapply(ages, function(a) a)
    repeat {
      empty <- which(sapply(groups, function(g) sum(resp_counts[paste(s, g, sep = ":")]) == 0 &&
                                                sum(pop_counts[paste(s, g, sep = ":")]) > 0))
      if (length(empty) == 0) break
      e <- empty[1]
      into <- if (e > 1) e - 1 else 2
      groups[[into]] <- ages[ages %in% c(groups[[into]], groups[[e]])]
      groups[[e]] <- NULL
    }
    for (g in groups) map[paste(s, g, sep = ":")] <- paste0(s, ":", paste(g, collapse = "+"))
  }
  map
}

results <- list()
add <- function(set, key, dim, group, mean, se) {
  results[[length(results) + 1]] <<- data.frame(set = set, key = key, dimension = dim, group = group,
                                                 mean = sprintf("%.17g", mean), se = sprintf("%.17g", se))
}

for (set in c("unequal", "missing", "collapsed")) {
  d <- read.csv(sprintf("data/%s-respondents.csv", set), stringsAsFactors = FALSE)
  pop <- read.csv(sprintf("data/%s-population.csv", set), stringsAsFactors = FALSE)
  pop <- pop[pop$district %in% unique(d$district), ]
  d$N <- sapply(d$district, function(x) sum(pop$N[pop$district == x]))

  cell <- paste(d$sex, d$agegroup, sep = ":")
  keys <- paste(rep(sexes, each = 8), ages, sep = ":")
  resp_counts <- setNames(sapply(keys, function(k) sum(cell == k)), keys)
  pop_counts <- setNames(sapply(keys, function(k) sum(pop$N[paste(pop$sex, pop$agegroup, sep = ":") == k])), keys)
  map <- collapse(resp_counts, pop_counts)
  d$sexage <- factor(map[cell])
  pop$sexage <- map[paste(pop$sex, pop$agegroup, sep = ":")]
  d$district <- factor(d$district)

  # Derived variables, as AnalysisModel.Derive makes them.
  d$NRI <- rowMeans(d[, c("o1", "o2", "o3")], na.rm = TRUE)
  d$NRI.a <- rowMeans(d[, c("a1", "a2")], na.rm = TRUE)
  d$NRI.b <- rowMeans(d[, c("b1", "b2", "b3")], na.rm = TRUE)
  for (v in c("NRI", "NRI.a", "NRI.b")) d[[v]][is.nan(d[[v]])] <- NA
  for (it in c("o1", "a2", "b3")) {
    d[[paste0(it, "_low")]] <- ifelse(is.na(d[[it]]), NA, as.numeric(d[[it]] <= 4))
    d[[paste0(it, "_middle")]] <- ifelse(is.na(d[[it]]), NA, as.numeric(d[[it]] >= 5 & d[[it]] <= 7))
    d[[paste0(it, "_high")]] <- ifelse(is.na(d[[it]]), NA, as.numeric(d[[it]] >= 8))
  }

  des <- svydesign(ids = ~1, strata = ~district, fpc = ~N, data = d)
  mm_levels_sexage <- levels(d$sexage)
  mm_levels_district <- levels(d$district)
  totals <- c(`(Intercept)` = sum(pop$N),
              setNames(sapply(mm_levels_sexage[-1], function(l) sum(pop$N[pop$sexage == l])), paste0("sexage", mm_levels_sexage[-1])),
              setNames(sapply(mm_levels_district[-1], function(l) sum(pop$N[pop$district == l])), paste0("district", mm_levels_district[-1])))
  cal <- calibrate(des, ~sexage + district, totals, calfun = "raking", epsilon = 1e-14, maxit = 10000)

  vars <- c(items, "NRI", "NRI.a", "NRI.b", "o1_low", "o1_middle", "o1_high", "a2_low", "a2_middle", "a2_high",
            "b3_low", "b3_middle", "b3_high")
  key_of <- function(v) sub("_(low|middle|high)$", ":\\1", v)
  for (v in vars) {
    f <- as.formula(paste0("~`", v, "`"))
    m <- svymean(f, cal, na.rm = TRUE)
    add(set, key_of(v), "all", "", coef(m)[[1]], SE(m)[[1]])
    for (dim in c("district", "agegroup", "sex")) {
      b <- svyby(f, as.formula(paste0("~", dim)), cal, svymean, na.rm = TRUE)
      for (k in seq_len(nrow(b))) add(set, key_of(v), dim, as.character(b[k, 1]), b[k, 2], SE(b)[k])
    }
  }
  # Priority matrix slopes: WLS of the overall index value on the factor value, calibrated weights.
  for (f in c("NRI.a", "NRI.b")) {
    fit <- svyglm(as.formula(paste0("NRI ~ `", f, "`")), design = subset(cal, !is.na(d$NRI) & !is.na(d[[f]])))
    add(set, paste0("slope:", f), "all", "", coef(fit)[[2]], NA)
  }
}
out <- do.call(rbind, results)
write.csv(out, "expected.csv", row.names = FALSE)
cat(nrow(out), "expected values written to expected.csv\n")
