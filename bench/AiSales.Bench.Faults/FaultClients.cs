using System.Net;

namespace AiSales.Bench.Faults;

public static class FaultClients
{
    /// <summary>Pooled keep-alive connections to the api, no proxy or cookies, a 15 s timeout (Meta waits about as long).</summary>
    public static HttpClient Create(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(15),
    };
}
