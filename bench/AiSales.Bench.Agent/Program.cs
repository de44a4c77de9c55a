using System.Diagnostics;
using System.Net;
using AiSales.Bench.Agent;
using Aspire.Hosting.Testing;

// DM → reply latency: from just before a signed WhatsApp webhook (one text message, a new customer per DM) is
// POSTed to the api's /webhooks/whatsapp until the fake Graph API receives the agent's reply to that customer;
// also the webhook acknowledgement time (POST → 200). Open-loop: a warm-up at half the rate for 60 s (the
// services' tiered JIT needs about a minute of load to settle: a running platform's steady state), a 3 s pause, then `rate` new
// conversations/s for `seconds`, each sent at its planned time.
// The DMs go round-robin to `shops` merchants, each with its own WhatsApp number: Meta (and the agent's sender) limit
// sends per business number (Delivery__MessagesPerSecondPerNumber, 80/s by default), so one number could never take
// 200 replies/s; a platform's load is spread over its merchants.
// Model mode (--model, --model-fault): the agent talks to a fake OpenAI-compatible model that takes --latency-ms per
// completion (FakeModelServer); the report adds the platform's overhead, PostgreSQL sessions and ai-agent memory.
// Usage: dotnet run -c Release -- [rate/s = 200] [seconds = 10, 60 with a model] [debounceMs = 0] [shops = 10] [flags, see BenchOptions]
// Exit code 1 when a DM got no reply within --wait s (60) or more than one, or a webhook was answered with anything but 200.
var options = BenchOptions.Parse(args);
Stages.Anchor();
await using var graph = await FakeGraph.StartAsync();
await using var model = options.UsesModel ? await FakeModelServer.StartAsync(TimeSpan.FromMilliseconds(options.LatencyMs)) : null;

Console.WriteLine("Starting the AppHost (PostgreSQL, Redis, migrator, api, ai-agent)…");
await using var platform = await BenchPlatform.StartAsync(options, graph.BaseUrl, model?.Endpoint);

// One client for the whole run: pooled keep-alive connections, no proxy, no cookies.
using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 256,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
})
{
    BaseAddress = platform.App.GetEndpoint("api", "http"),
    Timeout = TimeSpan.FromSeconds(30),
};

var shops = new List<string>();
for (var i = 0; i < options.Shops; i++)
{
    shops.Add(await platform.SeedShopAsync());
}

// With a model, each DM carries its customer's tag so the fake model can tell whose turn a completion belongs to.
var load = new WebhookLoad(http, shops, BenchPlatform.MetaAppSecret, model is null
    ? _ => "How much is the blue kaftan?"
    : customer => $"How much is the blue kaftan? {FakeModelServer.Tag(customer)}");
Console.WriteLine($"{options.Shops} shops (WhatsApp numbers {string.Join(", ", shops)}), webhooks to {http.BaseAddress}. Warming up…");
var warm = await load.RunAsync(rate: Math.Max(1, options.Rate / 2), seconds: options.WarmupSeconds);
await Task.Delay(TimeSpan.FromSeconds(3));

Console.WriteLine($"Measuring {options.Rate} new conversations/s for {options.Seconds} s (debounce {options.DebounceMs} ms)…");
using var stopSampling = new CancellationTokenSource();
var sessions = model is null ? null : SessionSampler.RunAsync(platform.ConnectionString, stopSampling.Token);
var memory = RssSampler.RunAsync("AiSales.AiAgent", stopSampling.Token);
var apiUsage = RssSampler.RunAsync("AiSales.Api", stopSampling.Token);
var pgWork = await PgWork.StartAsync(platform.ConnectionString);
var benchCpuFrom = Process.GetCurrentProcess().TotalProcessorTime;
var loadFrom = Stopwatch.GetTimestamp();
(long From, long Until)? fault = null;
if (model is not null && options.FaultSeconds > 0)
{
    var from = loadFrom + (long)(options.FaultStart.TotalSeconds * Stopwatch.Frequency);
    fault = (from, from + options.FaultSeconds * Stopwatch.Frequency);
    model.FailBetween(fault.Value.From, fault.Value.Until);
    Console.WriteLine($"The model answers 500 from {options.FaultStart.TotalSeconds:0} s to {options.FaultStart.TotalSeconds + options.FaultSeconds:0} s; {options.LatencyMs} ms per completion otherwise.");
}

var run = await load.RunAsync(options.Rate, options.Seconds);
var loadUntil = Stopwatch.GetTimestamp();
var deadline = DateTime.UtcNow.AddSeconds(options.WaitSeconds);
// Wait only for the DMs the api accepted: the others were never stored, so no reply will come.
while (DateTime.UtcNow < deadline && run.Acked.Keys.Any(k => !graph.FirstReply.ContainsKey(k)))
{
    await Task.Delay(200);
}

// Every DM asks one short question: exactly one reply each. A second one would be a duplicate send.
await Task.Delay(TimeSpan.FromSeconds(2));
await stopSampling.CancelAsync();
var benchCpu = Process.GetCurrentProcess().TotalProcessorTime - benchCpuFrom;
await pgWork.PrintAsync(run.Started.Count);
var duplicated = Report.Duplicated(run, graph);
var latencies = Report.ReplyLatencies(run, graph);
Report.Latency(options, warm, run, latencies, duplicated);
if (model is not null)
{
    ModelReport.Print(options, new ModelRun(run, graph, model, loadFrom, loadUntil, fault, await sessions!, await memory));
    await Stages.PrintAsync(platform.ConnectionString, run, graph);
}
else
{
    var agent = await memory;
    await TurnTimes.PrintAsync(platform.ConnectionString);
    await Stages.PrintAsync(platform.ConnectionString, run, graph);
    Console.WriteLine($"| ai-agent | RSS peak {agent.RssKiB.DefaultIfEmpty().Max() / 1024.0:0} MiB | CPU {agent.CpuSeconds:0.0} s, {1000 * agent.CpuSeconds / Math.Max(1, run.Started.Count):0.00} ms per DM |");
}

// The api's CPU, and this process's own share of the machine (load, fakes, the AppHost's log forwarding): CPU the
// platform did not get.
var api = await apiUsage;
Console.WriteLine($"| CPU per DM | api {1000 * api.CpuSeconds / Math.Max(1, run.Started.Count):0.00} ms | bench process {benchCpu.TotalMilliseconds / Math.Max(1, run.Started.Count):0.00} ms ({benchCpu.TotalSeconds:0.0} s) |");
return latencies.Length == run.Started.Count && duplicated == 0 && run.Failures.IsEmpty && warm.Failures.IsEmpty ? 0 : 1;
