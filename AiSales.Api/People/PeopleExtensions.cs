using AiSales.Api.People;
using Microsoft.AspNetCore.Identity;

namespace Microsoft.AspNetCore.Builder;

public static class PeopleExtensions
{
    /// <summary>Console users: settings (Console__*) and ASP.NET Core Identity's password hasher (PBKDF2, salted).</summary>
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleSettings>()
            .BindConfiguration(ConsoleSettings.Section)
            .Validate(s => Uri.TryCreate(s.BaseUrl, UriKind.Absolute, out _), "Console__BaseUrl must be an absolute URL.")
            .Validate(s => s.SessionIdleMinutes >= 1 && s.SessionMaxHours >= 1 && s.InviteHours >= 1, "Console__Session* and Console__InviteHours must be at least 1.")
            .Validate(s => s.MaxFailedSignIns >= 1 && s.LockoutMinutes >= 1, "Console__MaxFailedSignIns and Console__LockoutMinutes must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IPasswordHasher<MerchantUserView>, PasswordHasher<MerchantUserView>>();
        return builder;
    }
}
