namespace AiSales.Core.Data;

/// <summary>
/// Makes the rest of the current transaction run its prepared statements with their generic plans. After a statement's
/// first five runs PostgreSQL compares its generic plan with the custom plans it made so far, and when a custom plan
/// looks cheaper (it knows an array parameter's length, or folds a flag parameter away) it plans the statement afresh
/// on every run. For the agent's commit and the normaliser's finishing update that planning cost as much CPU as the
/// statement itself, on every reply (pg_stat_statements with track_planning; docs/benchmarks.md). Used only before
/// statements whose generic plan was checked to be the same index lookups as the custom one.
/// </summary>
public static class GenericPlans
{
    /// <summary>An SQL expression that switches the current transaction to generic plans.</summary>
    public const string Expression = "set_config('plan_cache_mode', 'force_generic_plan', true)";
}
