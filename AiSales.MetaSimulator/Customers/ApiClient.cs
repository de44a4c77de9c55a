using System.Net.Http.Headers;

namespace AiSales.MetaSimulator.Customers;

/// <summary>The AiSales API as Meta (signed webhooks) and as the demo's operator (admin and merchant routes) call it.</summary>
public sealed class ApiClient(HttpClient http, WebhookSigner signer)
{
    public HttpClient Http => http;

    /// <summary>POSTs exactly these bytes to /webhooks/{platform}, signed; returns the API's status code.</summary>
    public async Task<int> PostWebhookAsync(string platform, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{platform}") { Content = content };
        request.Headers.Add("X-Hub-Signature-256", signer.Sign(body));
        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }
}
