# Generates the committed reference data sets (deterministic: fixed seeds, base R only).
#   Rscript generate.R     (from this folder) -> data/<set>-respondents.csv, data/<set>-population.csv
# Items: o1-o3 (overall index NRI), a1-a2 (factor NRI.a), b1-b3 (factor NRI.b), all 1-10, NA = missing.
sexes <- c("K", "M")
ages <- c("16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+")
items <- c("o1", "o2", "o3", "a1", "a2", "b1", "b2", "b3")

make <- function(name, seed, districts, population_scale, respondents, missing, empty_cells = character(0)) {
  set.seed(seed)
  pop <- expand.grid(agegroup = ages, sex = sexes, district = districts, stringsAsFactors = FALSE)[, c("district", "sex", "agegroup")]
  pop$N <- as.integer(round(population_scale[match(pop$district, districts)] * runif(nrow(pop), 0.5, 1.5)))
  rows <- list()
  for (k in seq_along(districts)) {
    cells <- pop[pop$district == districts[k], ]
    cells <- cells[!(paste(cells$sex, cells$agegroup, sep = ":") %in% empty_cells), ]
    pick <- sample(nrow(cells), respondents[k], replace = TRUE, prob = cells$N)
    rows[[k]] <- cells[pick, c("district", "sex", "agegroup")]
  }
  d <- do.call(rbind, rows)
  n <- nrow(d)
  # Satisfaction depends on district, age and a personal level, so weights matter and items correlate.
  level <- 5.5 + 0.6 * (match(d$district, districts) - 2) + 0.15 * (match(d$agegroup, ages) - 4) + rnorm(n, 0, 1.5)
  for (it in items) {
    y <- pmin(10, pmax(1, round(level + rnorm(n, 0, 1.3))))
    y[runif(n) < missing[[it]]] <- NA
    d[[it]] <- y
  }
  d <- cbind(id = seq_len(n), d)
  dir.create("data", showWarnings = FALSE)
  write.csv(d, sprintf("data/%s-respondents.csv", name), row.names = FALSE, na = "NA")
  write.csv(pop, sprintf("data/%s-population.csv", name), row.names = FALSE)
}

low <- setNames(as.list(rep(0.08, length(items))), items)
heavy <- setNames(as.list(c(0.3, 0.45, 0.55, 0.6, 0.7, 0.5, 0.65, 0.75)), items)
make("unequal", 20261, c("Centrum", "Norr", "Skogsby"), c(900, 250, 60), c(140, 45, 28), low)
make("missing", 20262, c("Centrum", "Hamnen", "Norr", "Söder"), c(400, 300, 200, 120), c(90, 70, 55, 40), heavy)
make("collapsed", 20263, c("Centrum", "Norr", "Söder"), c(500, 300, 150), c(80, 60, 45), low,
     empty_cells = c("K:85+", "M:16-24"))
