using System.Net;
using System.Text.Json;

namespace AiSales.Tests.Foundation;

[Collection(AppHostCollection.Name)]
public sealed class ErrorReportingTests(AppHostFixture fixture)
{
    private const string ExpectedMessage = "Deliberate test error raised by POST /api/admin/diagnostics/error";

    [Fact]
    public async Task UnhandledExceptionReachesSentryAndTheLogWithTypeMessageAndStack()
    {
        await using var sentry = await FakeSentry.StartAsync();
        var environment = fixture.ApiEnvironment();
        environment["Sentry__Dsn"] = sentry.Dsn;
        await using var api = ServiceProcess.Start("AiSales.Api", environment, http: true);
        using var client = await api.WaitUntilAliveAsync(TimeSpan.FromSeconds(60));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/diagnostics/error");
        request.Headers.Add("X-Admin-Key", AppHostFixture.AdminApiKey);
        using var response = await client.SendAsync(request);

        // The caller sees problem details and no exception text.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ExpectedMessage, body);

        // Sentry receives the exception with its type, message and stack frames.
        var envelope = await sentry.WaitForEnvelopeAsync(e => e.Contains("DiagnosticTestException"), TimeSpan.FromSeconds(30));
        Assert.NotNull(envelope);
        Assert.Contains(ExpectedMessage, envelope);
        Assert.Contains("\"frames\"", envelope);
        Assert.DoesNotContain(AppHostFixture.AdminApiKey, envelope);

        // The log line carries the same, never "[object Object]" or an empty message.
        Assert.True(await api.WaitForOutputAsync(l => l.Contains("DiagnosticTestException") && l.Contains(ExpectedMessage), TimeSpan.FromSeconds(10)), api.Output);
        Assert.Contains("at Microsoft.AspNetCore.Builder.AdminApi", api.Output);
        Assert.DoesNotContain("[object Object]", api.Output);
    }

    [Fact]
    public async Task AdminRouteWithoutKeyAnswersProblemDetails401()
    {
        using var client = fixture.CreateHttpClient("api");

        using var response = await client.PostAsync("/api/admin/diagnostics/error", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }
}
