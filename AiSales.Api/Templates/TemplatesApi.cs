using System.Security.Claims;
using AiSales.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiSales.Api.Templates;

/// <summary>
/// WhatsApp message templates (contract sections 5 and 6, docs/templates.md): the list synced from the merchant's
/// WhatsApp Business Account, and a person sending one to a customer at any time, outside the 24-hour window too.
/// </summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/templates", ListAsync)
            .WithTags("Templates")
            .WithSummary("The WhatsApp Business Account's message templates (cached for 5 minutes; refresh=true asks Meta now).");
        api.MapPost("/conversations/{id:guid}/template", TemplateSend.SendAsync)
            .WithTags("Templates")
            .WithSummary("Send an approved WhatsApp template {name, language, parameters[]}: queued like a human reply (202), allowed outside the 24-hour window.");
        return api;
    }

    private static async Task<Results<Ok<TemplateList>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, TemplateCatalog catalog, CancellationToken cancellationToken, bool refresh = false)
    {
        var merchantId = user.MerchantId();
        var channel = await catalog.FindChannelAsync(merchantId, cancellationToken);
        if (channel is null)
        {
            return MerchantApiProblems.Conflict("No WhatsApp channel is connected; connect it with PUT /api/merchant/channels/whatsapp.");
        }

        try
        {
            return TypedResults.Ok(await catalog.ListAsync(merchantId, channel, refresh, cancellationToken));
        }
        catch (TemplateCatalogException ex)
        {
            return Problem(ex);
        }
    }

    /// <summary>No WABA id or a refused token: 409 (the merchant must fix the channel); no answer from Meta: 503.</summary>
    public static ProblemHttpResult Problem(TemplateCatalogException ex) => ex.Unreachable
        ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Meta did not answer", detail: ex.Message)
        : MerchantApiProblems.Conflict(ex.Message);
}
