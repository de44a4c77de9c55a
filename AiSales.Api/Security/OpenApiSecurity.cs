using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AiSales.Api.Security;

/// <summary>Declares the two credentials in the OpenAPI document, so the reference page can send them.</summary>
public static class OpenApiSecurity
{
    private const string MerchantScheme = "MerchantApiKey";
    private const string AdminScheme = "AdminKey";

    public static OpenApiOptions AddAiSalesSecuritySchemes(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[MerchantScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A merchant API key (aisk_…), from POST /api/admin/merchants or POST /api/merchant/keys; or a console sign-in token (aiss_…) from POST /api/auth/sign-in.",
            };
            document.Components.SecuritySchemes[AdminScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Admin-Key",
                Description = "The operator key (Admin__ApiKey).",
            };

            foreach (var (path, item) in document.Paths)
            {
                var scheme = path.StartsWith("/api/admin", StringComparison.Ordinal) ? AdminScheme
                    : path is "/api/auth/sign-in" or "/api/auth/invites/accept" ? null
                    : path.StartsWith("/api/", StringComparison.Ordinal) ? MerchantScheme
                    : null;
                if (scheme is null || item.Operations is null)
                {
                    continue;
                }

                foreach (var operation in item.Operations.Values)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }
}
