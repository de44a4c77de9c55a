using System.Text;
using System.Text.Json.Nodes;
using AiSales.Core.Messaging;

namespace AiSales.AiAgent.Delivery.Interactive;

/// <summary>
/// The Graph API bodies of a reply with choices, exactly as Meta documents them: WhatsApp <c>interactive</c>
/// <c>button</c> (≤ 3 reply buttons, titles ≤ 20 characters, body ≤ 1,024) and <c>list</c> (≤ 10 rows in one section,
/// row titles ≤ 24, descriptions ≤ 72, button ≤ 20, body ≤ 4,096); Instagram <c>quick_replies</c> (≤ 13, titles ≤ 20,
/// text ≤ 1,000 bytes). Null when the reply does not fit them: it then goes as plain text.
/// </summary>
public static class InteractiveBodies
{
    public const int MaxButtons = 3;
    public const int MaxRows = 10;
    public const int MaxQuickReplies = 13;

    public const int MaxProducts = 30;

    /// <summary>The WhatsApp <c>interactive</c> object, or null when the text or the choices do not fit.</summary>
    public static JsonObject? WhatsApp(string text, ReplyChoices choices)
    {
        if (choices.Kind == ReplyChoices.Products)
        {
            return ProductMessage(text, choices);
        }

        if (choices.Kind == ReplyChoices.Buttons)
        {
            if (text.Length > 1024 || choices.Items.Count is 0 or > MaxButtons)
            {
                return null;
            }

            return new JsonObject
            {
                ["type"] = "button",
                ["body"] = new JsonObject { ["text"] = text },
                ["action"] = new JsonObject
                {
                    ["buttons"] = new JsonArray(choices.Items.Select(c => (JsonNode)new JsonObject
                    {
                        ["type"] = "reply",
                        ["reply"] = new JsonObject { ["id"] = Clip(c.Id, 256), ["title"] = Clip(c.Title, 20) },
                    }).ToArray()),
                },
            };
        }

        if (choices.Kind != ReplyChoices.List || text.Length > 4096 || choices.Items.Count is 0 or > MaxRows)
        {
            return null;
        }

        return new JsonObject
        {
            ["type"] = "list",
            ["body"] = new JsonObject { ["text"] = text },
            ["action"] = new JsonObject
            {
                ["button"] = Clip(choices.Button ?? "Choose", 20),
                ["sections"] = new JsonArray(new JsonObject
                {
                    ["rows"] = new JsonArray(choices.Items.Select(c =>
                    {
                        var row = new JsonObject { ["id"] = Clip(c.Id, 200), ["title"] = Clip(c.Title, 24) };
                        if (!string.IsNullOrWhiteSpace(c.Description))
                        {
                            row["description"] = Clip(c.Description, 72);
                        }

                        return (JsonNode)row;
                    }).ToArray()),
                }),
            },
        };
    }

    /// <summary>
    /// A single-product message (one item) or a product list (one section, ≤ 30 items, a text header) from the
    /// channel's Meta catalogue, our SKUs as retailer ids; body ≤ 1,024 characters.
    /// </summary>
    private static JsonObject? ProductMessage(string text, ReplyChoices choices)
    {
        if (choices.CatalogId is not { Length: > 0 } catalog || text.Length > 1024 || choices.Items.Count is 0 or > MaxProducts)
        {
            return null;
        }

        if (choices.Items.Count == 1)
        {
            return new JsonObject
            {
                ["type"] = "product",
                ["body"] = new JsonObject { ["text"] = text },
                ["action"] = new JsonObject { ["catalog_id"] = catalog, ["product_retailer_id"] = choices.Items[0].Id },
            };
        }

        var header = Clip(choices.Button ?? "Products", 60);
        return new JsonObject
        {
            ["type"] = "product_list",
            ["header"] = new JsonObject { ["type"] = "text", ["text"] = header },
            ["body"] = new JsonObject { ["text"] = text },
            ["action"] = new JsonObject
            {
                ["catalog_id"] = catalog,
                ["sections"] = new JsonArray(new JsonObject
                {
                    ["title"] = Clip(header, 24),
                    ["product_items"] = new JsonArray(choices.Items.Select(c => (JsonNode)new JsonObject { ["product_retailer_id"] = c.Id }).ToArray()),
                }),
            },
        };
    }

    /// <summary>The Instagram <c>message</c> object with quick replies, or null when it does not fit.</summary>
    public static JsonObject? Instagram(string text, ReplyChoices choices)
    {
        if (Encoding.UTF8.GetByteCount(text) > 1000 || choices.Items.Count is 0 or > MaxQuickReplies)
        {
            return null;
        }

        return new JsonObject
        {
            ["text"] = text,
            ["quick_replies"] = new JsonArray(choices.Items.Select(c => (JsonNode)new JsonObject
            {
                ["content_type"] = "text",
                ["title"] = Clip(c.Title, 20),
                ["payload"] = Clip(c.Id, 1000),
            }).ToArray()),
        };
    }

    /// <summary>At most <paramref name="max"/> characters (never splitting a surrogate pair), with "…" when cut.</summary>
    public static string Clip(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }

    public static bool Supported(string platform) => platform is Platforms.WhatsApp or Platforms.Instagram;
}
