# Times R's survey package on the benchmark's generated municipality (same data as bench/Statistics.Benchmarks).
#   dotnet run -c Release --project bench/Statistics.Benchmarks -- --export-csv bench/r/data 100000
#   Rscript bench/r/report-timing.R bench/r/data [variables]
# A comparable report: calibration, then for each variable (overall indices, factors, items, low/middle/high
# shares) the total svymean and svyby over age group, sex and district. The full report has 341 variables;
# with [variables] < 341 only the first ones are timed and the total is extrapolated per variable (said so).
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
folder <- if (length(args) >= 1) args[1] else "bench/r/data"
limit <- if (length(args) >= 2) as.integer(args[2]) else NA

t0 <- proc.time()[["elapsed"]]
d <- read.csv(file.path(folder, "respondents.csv"), stringsAsFactors = FALSE, check.names = FALSE)
pop <- read.csv(file.path(folder, "population.csv"), stringsAsFactors = FALSE)
idx <- read.csv(file.path(folder, "indices.csv"), stringsAsFactors = FALSE)
items <- setdiff(names(d), c("district", "sex", "agegroup"))
cat(sprintf("read %d respondents in %.1f s\n", nrow(d), proc.time()[["elapsed"]] - t0))

t1 <- proc.time()[["elapsed"]]
vars <- character(0)
for (k in seq_len(nrow(idx))[order(idx$level != "Overall")]) {
  v <- make.names(idx$key[k]); its <- strsplit(idx$items[k], " ")[[1]]
  d[[v]] <- rowMeans(d[, its, drop = FALSE], na.rm = TRUE); d[[v]][is.nan(d[[v]])] <- NA; vars <- c(vars, v)
}
clean <- make.names(items); names(d)[match(items, names(d))] <- clean; vars <- c(vars, clean)
for (it in clean) {
  d[[paste0(it, "_low")]] <- ifelse(is.na(d[[it]]), NA, as.numeric(d[[it]] <= 4))
  d[[paste0(it, "_middle")]] <- ifelse(is.na(d[[it]]), NA, as.numeric(d[[it]] >= 5 & d[[it]] <= 7))
  d[[paste0(it, "_high")]] <- ifelse(is.na(d[[it]]), NA, as.numeric(d[[it]] >= 8))
  vars <- c(vars, paste0(it, c("_low", "_middle", "_high")))
}
d$sexage <- factor(paste(d$sex, d$agegroup, sep = ":"))
d$district <- factor(d$district)
stratumN <- tapply(pop$N, pop$district, sum); d$N <- as.numeric(stratumN[as.character(d$district)])
pop$sexage <- paste(pop$sex, pop$agegroup, sep = ":")
des <- svydesign(ids = ~1, strata = ~district, fpc = ~N, data = d)
lv_s <- levels(d$sexage); lv_d <- levels(d$district)
totals <- c(`(Intercept)` = sum(pop$N),
            setNames(sapply(lv_s[-1], function(l) sum(pop$N[pop$sexage == l])), paste0("sexage", lv_s[-1])),
            setNames(sapply(lv_d[-1], function(l) sum(pop$N[pop$district == l])), paste0("district", lv_d[-1])))
cal <- calibrate(des, ~sexage + district, totals, calfun = "raking", epsilon = 1e-10, maxit = 1000)
t_cal <- proc.time()[["elapsed"]] - t1
cat(sprintf("derived variables, design and calibration: %.1f s\n", t_cal))

todo <- if (is.na(limit)) vars else head(vars, limit)
t2 <- proc.time()[["elapsed"]]
for (v in todo) {
  f <- as.formula(paste0("~", v))
  svymean(f, cal, na.rm = TRUE)
  for (dim in c("agegroup", "sex", "district")) svyby(f, as.formula(paste0("~", dim)), cal, svymean, na.rm = TRUE)
}
t_est <- proc.time()[["elapsed"]] - t2
per <- t_est / length(todo)
cat(sprintf("estimates for %d of %d variables (total + 3 breakdowns each): %.1f s (%.2f s per variable)\n",
            length(todo), length(vars), t_est, per))
cat(sprintf("full report: %s %.0f s (calibration %.1f s + %d variables x %.2f s)\n",
            if (length(todo) < length(vars)) "extrapolated" else "measured", t_cal + per * length(vars), t_cal, length(vars), per))
