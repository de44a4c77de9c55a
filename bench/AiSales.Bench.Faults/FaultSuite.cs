namespace AiSales.Bench.Faults;

public static class FaultSuite
{
    /// <summary>The checkout (the directory holding AiSales.sln above this program's binaries).</summary>
    public static string Root { get; } = FindRoot();

    public static async Task<int> RunAsync(FaultOptions options)
    {
        var scenarios = Scenarios.All(options.FuzzBodies).Where(s => options.Only is null || options.Only.Contains(s.Name)).ToList();
        if (scenarios.Count == 0)
        {
            Console.Error.WriteLine($"no scenario named {string.Join(", ", options.Only!)}; the names: {string.Join(", ", Scenarios.All(0).Select(s => s.Name))}");
            return 2;
        }

        Console.WriteLine($"{scenarios.Count} scenarios; each on a fresh platform under {options.Connections} connections of signed webhooks " +
            $"({options.WebhookRate}/s) and {options.ConversationRate} new conversations/s; logs in {options.LogDirectory}");
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {scenario.Name}");
            var result = await ScenarioRun.RunAsync(scenario, options);
            result.PrintDetail();
            results.Add(result);
        }

        Console.WriteLine();
        ScenarioResult.PrintTable(results);
        return results.All(r => r.Lost == 0 && r.Duplicates == 0 && r.Crashes == 0) ? 0 : 1;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiSales.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
