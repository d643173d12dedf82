"""``corpusforge ablate``: build two or more recipes, train one proxy model per recipe and seed, evaluate them on
the same held-out documents and tasks, and report which recipe wins where (README, "Recipe ablations")."""
