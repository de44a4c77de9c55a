using System.Collections.Concurrent;
using System.Diagnostics;

namespace AiSales.Tests.Conversations;

/// <summary>What one played conversation left: its problems, its transcript and how long it took.</summary>
public sealed record PlayedConversation(IReadOnlyList<string> Problems, string Transcript, TimeSpan Elapsed);

/// <summary>
/// Plays the library's conversations a few at a time, in the background, from the first one a test asks for: most of a
/// conversation's time is waiting (for a reply, then for nothing more to arrive), and each has its own shop and
/// customer, so several at once take the suite's wall time down without changing what each one checks. Each test
/// still reports its own conversation. AISALES_CONVERSATION_CONCURRENCY sets how many (default 8; 1 plays them one by
/// one). The agent's work per turn is milliseconds against about a second of waiting, so eight at once still wait far
/// more than they work: the suite alone took 2.4 minutes on 2 cores at eight, about 5 at four (2026-12-02).
/// </summary>
public sealed class ConversationRuns(ConversationFixture fixture)
{
    private static readonly int s_concurrency =
        int.TryParse(Environment.GetEnvironmentVariable("AISALES_CONVERSATION_CONCURRENCY"), out var n) && n > 0 ? n : 8;

    private static IReadOnlyList<string> s_planned = [];

    private readonly ConcurrentDictionary<string, Task<PlayedConversation>> _runs = new();
    private readonly SemaphoreSlim _slots = new(s_concurrency);
    private int _started;

    /// <summary>The conversations this run will ask for, in order (set by <see cref="SummaryLastOrderer"/>: a filtered run plays only its own).</summary>
    public static void Plan(IEnumerable<string> names) => s_planned = [.. names];

    public Task<PlayedConversation> OfAsync(string name)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // The asked one first, then the others planned, in the order the tests will ask for them.
            foreach (var other in s_planned.Where(k => k != name).Prepend(name))
            {
                _runs.GetOrAdd(other, PlayAsync);
            }
        }

        return _runs.GetOrAdd(name, PlayAsync);
    }

    private async Task<PlayedConversation> PlayAsync(string name)
    {
        await _slots.WaitAsync();
        try
        {
            var player = new ConversationPlayer(fixture, ConversationLibrary.All[name]);
            var clock = Stopwatch.StartNew();
            try
            {
                await player.PlayAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
            {
                player.Problems.Add($"the run broke: {e.Message}");
            }

            return new PlayedConversation(player.Problems, player.Transcript, clock.Elapsed);
        }
        finally
        {
            _slots.Release();
        }
    }
}
