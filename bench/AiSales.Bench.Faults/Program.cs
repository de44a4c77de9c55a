using AiSales.Bench.Faults;

// The fault suite (issue 13; docs/reliability.md). Each scenario on a fresh platform started as contract §2 says,
// under signed webhooks and live conversations; prints acknowledged, lost, duplicate replies, unanswered after
// recovery, recovery time and peak RSS. Build first: dotnet build -c Release AiSales.sln
// Usage: dotnet run -c Release --project bench/AiSales.Bench.Faults -- [--only api-kill,pg-freeze] [options, see FaultOptions]
// Exit code 1 when any scenario lost a message, sent a duplicate reply or a service crashed.
FaultOptions options;
try
{
    options = FaultOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"AiSales.Bench.Faults: {ex.Message}");
    return 2;
}

return await FaultSuite.RunAsync(options);
