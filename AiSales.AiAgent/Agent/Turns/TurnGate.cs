using AiSales.AiAgent.Intake;
using Microsoft.Extensions.Options;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// Bounds the turns' database and CPU steps (claim, tools, commit) across this process, apart from how many turns may
/// be in flight: a turn waiting on a hosted model holds no place here, so hundreds can wait while a few dozen work.
/// Without it, every in-flight turn competed for the connection pool at once (measured: offline at 200/s, 600 turns
/// queued on 100 connections and the reply time went from milliseconds to seconds).
/// </summary>
public sealed class TurnGate(IOptions<IntakeOptions> options)
{
    private readonly SemaphoreSlim _steps = new(Math.Max(1, options.Value.MaxConcurrentTurnSteps));

    public async Task<T> RunAsync<T>(Func<Task<T>> step, CancellationToken cancellationToken)
    {
        await _steps.WaitAsync(cancellationToken);
        try
        {
            return await step();
        }
        finally
        {
            _steps.Release();
        }
    }

    public Task RunAsync(Func<Task> step, CancellationToken cancellationToken) =>
        RunAsync(async () => { await step(); return true; }, cancellationToken);
}
