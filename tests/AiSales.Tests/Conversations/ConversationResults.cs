using System.Collections.Concurrent;
using System.Text;

namespace AiSales.Tests.Conversations;

/// <summary>
/// Every played conversation's outcome in this test run, for the pass rate per data file (dialect or theme). Written
/// by the summary test and again when the collection ends, to TestResults/conversations-summary.md.
/// </summary>
public static class ConversationResults
{
    private static readonly ConcurrentDictionary<string, (bool Passed, string FirstProblem, TimeSpan Took)> s_results = new();

    public static void Record(string name, IReadOnlyList<string> problems, TimeSpan took) =>
        s_results[name] = (problems.Count == 0, problems.FirstOrDefault() ?? "", took);

    public static string Summary()
    {
        var text = new StringBuilder("# Conversation suite: pass rate per file\n\n| file | passed | played | rate | time |\n| --- | --- | --- | --- | --- |\n");
        var rows = s_results.GroupBy(r => r.Key.Split('/')[0]).OrderBy(g => g.Key).ToList();
        foreach (var file in rows)
        {
            var passed = file.Count(r => r.Value.Passed);
            text.Append($"| {file.Key} | {passed} | {file.Count()} | {Rate(passed, file.Count())} | {file.Sum(r => r.Value.Took.TotalSeconds):0} s |\n");
        }

        var all = s_results.Count(r => r.Value.Passed);
        text.Append($"| **all** | {all} | {s_results.Count} | {Rate(all, s_results.Count)} | {s_results.Sum(r => r.Value.Took.TotalSeconds):0} s |\n");
        var failed = s_results.Where(r => !r.Value.Passed).OrderBy(r => r.Key).ToList();
        if (failed.Count > 0)
        {
            text.Append("\nFailed (first problem):\n");
            foreach (var (name, result) in failed)
            {
                text.Append($"- {name}: {result.FirstProblem}\n");
            }
        }

        var notPlayed = ConversationLibrary.All.Keys.Where(k => !s_results.ContainsKey(k)).ToList();
        if (notPlayed.Count > 0)
        {
            text.Append($"\nNot played in this run: {notPlayed.Count}\n");
        }

        return text.ToString();
    }

    public static void WriteSummaryFile()
    {
        if (s_results.IsEmpty)
        {
            return;
        }

        try
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "test.sh")))
            {
                directory = directory.Parent;
            }

            var results = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults");
            Directory.CreateDirectory(results);
            File.WriteAllText(Path.Combine(results, "conversations-summary.md"), Summary());
        }
        catch (IOException)
        {
            // A report that cannot be written must not fail the run; the summary test printed it already.
        }
    }

    private static string Rate(int passed, int total) => total == 0 ? "-" : $"{100.0 * passed / total:0}%";
}
