using System.Diagnostics;
using System.Text.Json;

namespace AiSales.Tests.Foundation;

/// <summary>The deployment manifest azd consumes: the right resources, secrets as parameters, no secret values.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task ManifestHasEveryResourceAndNoSecretValue()
    {
        var output = Directory.CreateTempSubdirectory("aisales-manifest-");
        try
        {
            var manifestPath = Path.Combine(output.FullName, "aspire-manifest.json");
            var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { ServiceProcess.AssemblyPath("AiSales.AppHost"), "--publisher", "manifest", "--output-path", manifestPath })
            {
                startInfo.ArgumentList.Add(arg);
            }

            startInfo.WorkingDirectory = Path.Combine(ServiceProcess.RepositoryRoot(), "AiSales.AppHost");
            using var process = Process.Start(startInfo)!;
            var log = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await log + await errors);

            var text = await File.ReadAllTextAsync(manifestPath);
            using var manifest = JsonDocument.Parse(text);
            var resources = manifest.RootElement.GetProperty("resources");
            foreach (var name in new[] { "postgres", "aisalesdb", "redis", "migrations", "api", "ai-agent" })
            {
                Assert.True(resources.TryGetProperty(name, out _), $"manifest lacks {name}");
            }

            foreach (var parameter in new[] { "meta-app-secret", "meta-verify-token", "encryption-key", "admin-api-key", "sentry-dsn" })
            {
                var input = resources.GetProperty(parameter).GetProperty("inputs").GetProperty("value");
                Assert.True(input.GetProperty("secret").GetBoolean(), $"{parameter} is not secret");
            }

            // The simulator is for local runs only.
            Assert.False(resources.TryGetProperty("meta-simulator", out _), "the manifest must not deploy meta-simulator");
            Assert.StartsWith("container", resources.GetProperty("postgres").GetProperty("type").GetString());
            Assert.DoesNotContain(AppHostFixture.MetaAppSecret, text);
            Assert.DoesNotContain(AppHostFixture.AdminApiKey, text);
            Assert.DoesNotContain(AppHostFixture.EncryptionKeyHex, text);
            Assert.DoesNotContain("/tmp/aisales-pg", text);
            Assert.DoesNotContain("setpriv", text);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
