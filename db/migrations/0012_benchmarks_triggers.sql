-- Published benchmarks are fixed: no later change can be differenced to reveal one merchant.
CREATE TRIGGER `benchmark_cohorts_fixed_update` BEFORE UPDATE ON `benchmark_cohorts`
BEGIN
  SELECT RAISE(ABORT, 'published benchmarks are fixed');
END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_cohorts_fixed_delete` BEFORE DELETE ON `benchmark_cohorts`
BEGIN
  SELECT RAISE(ABORT, 'published benchmarks are fixed');
END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_scores_fixed_update` BEFORE UPDATE ON `benchmark_scores`
BEGIN
  SELECT RAISE(ABORT, 'published benchmarks are fixed');
END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_scores_fixed_delete` BEFORE DELETE ON `benchmark_scores`
BEGIN
  SELECT RAISE(ABORT, 'published benchmarks are fixed');
END;
--> statement-breakpoint
CREATE TRIGGER `benchmark_publications_fixed` BEFORE UPDATE ON `benchmark_publications`
BEGIN
  SELECT RAISE(ABORT, 'published benchmarks are fixed');
END;
