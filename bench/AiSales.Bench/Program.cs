using AiSales.Bench;

return args.FirstOrDefault() switch
{
    "webhooks" => await WebhookBenchmark.RunAsync(BenchOptions.Parse(args.Skip(1).ToArray())),
    "retention" => await RetentionBenchmark.RunAsync(args.Length > 2 && args[1] == "--rows-per-day" && int.TryParse(args[2], out var rows) && rows > 0 ? rows : 50_000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: AiSales.Bench webhooks [--duration 20] [--ceiling-duration 10] [--connections 100] [--batched-percent 10] [--drain 60] [--storm [--bad-keys-per-second 2000] [--import-rows 20000]]");
    Console.Error.WriteLine("       AiSales.Bench retention [--rows-per-day 50000]");
    return 2;
}
