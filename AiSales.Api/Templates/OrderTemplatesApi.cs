using System.Security.Claims;
using System.Text.Json.Nodes;
using AiSales.Api.Security;
using AiSales.Core.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using NpgsqlTypes;

namespace AiSales.Api.Templates;

/// <summary>
/// GET / PUT /api/merchant/order-templates (docs/templates.md): the merchant's optional WhatsApp utility templates sent
/// when an order is confirmed or fulfilled. A template is checked against the WhatsApp Business Account when it is set
/// (approved, UTILITY, at most four parameters), and its body and parameter count are kept, so a send never asks Meta.
/// </summary>
public static class OrderTemplatesApi
{
    public static RouteGroupBuilder MapOrderTemplatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/merchant/order-templates").WithTags("Templates");
        group.MapGet("/", GetAsync).WithSummary("The templates sent when an order is confirmed or fulfilled (null: none).");
        group.MapPut("/", PutAsync)
            .WithSummary("Set the templates {confirmed: {name, language}?, fulfilled: {name, language}?}; each must be an approved UTILITY template taking at most 4 parameters.");
        return api;
    }

    private static async Task<Ok<OrderTemplatesView>> GetAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT order_templates::text FROM merchants WHERE id = $1");
        command.Parameters.AddWithValue(user.MerchantId());
        return TypedResults.Ok(View((string)(await command.ExecuteScalarAsync(cancellationToken))!));
    }

    private static async Task<Results<Ok<OrderTemplatesView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        OrderTemplatesRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TemplateCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var wanted = new Dictionary<string, (string Name, string Language)>();
        foreach (var (orderEvent, given) in new[] { (OrderTemplateSetting.Confirmed, request.Confirmed), (OrderTemplateSetting.Fulfilled, request.Fulfilled) })
        {
            if (given is null)
            {
                continue;
            }

            var name = errors.Text($"{orderEvent}.name", given.Name, 512);
            var language = errors.Text($"{orderEvent}.language", given.Language, 15);
            if (name is not null && !TemplateSend.TemplateName().IsMatch(name)) errors.Add($"{orderEvent}.name", "must be a template name: lower-case letters, digits and underscores.");
            if (language is not null && !TemplateSend.LanguageCode().IsMatch(language)) errors.Add($"{orderEvent}.language", "must be a language code such as ar, en or en_US.");
            wanted[orderEvent] = (name ?? "", language ?? "");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var merchantId = user.MerchantId();
        var stored = new JsonObject();
        if (wanted.Count > 0)
        {
            var channel = await catalog.FindChannelAsync(merchantId, cancellationToken);
            if (channel is null)
            {
                return MerchantApiProblems.Conflict("No WhatsApp channel is connected; connect it with PUT /api/merchant/channels/whatsapp.");
            }

            TemplateList list;
            try
            {
                list = await catalog.ListAsync(merchantId, channel, refresh: false, cancellationToken);
            }
            catch (TemplateCatalogException ex)
            {
                return TemplatesApi.Problem(ex);
            }

            foreach (var (orderEvent, (name, language)) in wanted)
            {
                var template = list.Items.FirstOrDefault(t => t.Name == name && t.Language == language && t.Status == "APPROVED");
                if (template is null)
                    errors.Add($"{orderEvent}.name", $"no approved template '{name}' in '{language}' in the WhatsApp Business Account (GET /api/templates).");
                else if (!string.Equals(template.Category, "UTILITY", StringComparison.OrdinalIgnoreCase))
                    errors.Add($"{orderEvent}.name", $"'{name}' is a {template.Category} template; order notices must be UTILITY templates.");
                else if (template.ParameterCount > OrderNoticeParameters.Available)
                    errors.Add($"{orderEvent}.name", $"'{name}' takes {template.ParameterCount} parameters; an order notice fills at most {OrderNoticeParameters.Available}.");
                else
                    stored[orderEvent] = new OrderTemplateSetting(name, language, template.ParameterCount, template.Body ?? name).ToJson();
            }

            if (errors.Any)
            {
                return errors.ToProblem();
            }
        }

        await using var command = db.CreateCommand("UPDATE merchants SET order_templates = $2, updated_at = now() WHERE id = $1 RETURNING order_templates::text");
        command.Parameters.AddWithValue(merchantId);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = stored.ToJsonString() });
        return TypedResults.Ok(View((string)(await command.ExecuteScalarAsync(cancellationToken))!));
    }

    private static OrderTemplatesView View(string json)
    {
        var stored = JsonNode.Parse(json) as JsonObject;
        return new OrderTemplatesView(Setting(stored, OrderTemplateSetting.Confirmed), Setting(stored, OrderTemplateSetting.Fulfilled));
    }

    private static OrderTemplateView? Setting(JsonObject? stored, string orderEvent) =>
        OrderTemplateSetting.FromJson(stored?[orderEvent]?.ToJsonString()) is { } s ? new OrderTemplateView(s.Name, s.Language, s.ParameterCount) : null;
}
