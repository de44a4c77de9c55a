using AiSales.Core.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

public static class SecurityExtensions
{
    /// <summary>Registers the <see cref="SecretProtector"/> built from ENCRYPTION_KEY_HEX and Encryption__PreviousKeys.</summary>
    public static TBuilder AddSecretProtection<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(sp => SecretProtector.FromConfiguration(
            builder.Configuration, builder.Environment, sp.GetRequiredService<ILoggerFactory>().CreateLogger<SecretProtector>()));
        return builder;
    }
}
